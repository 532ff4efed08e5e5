//! Splitting a line into whitespace-separated words, remembering where each starts (as a byte offset, to slice
//! the line, and as a character column, to line cells up under their header).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub byte: usize,
    pub column: usize,
    pub text: &'a str,
}

pub fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    for (column, (byte, ch)) in line.char_indices().enumerate() {
        match (ch.is_whitespace(), start) {
            (true, Some((b, c))) => {
                out.push(Token {
                    byte: b,
                    column: c,
                    text: &line[b..byte],
                });
                start = None;
            }
            (false, None) => start = Some((byte, column)),
            _ => {}
        }
    }
    if let Some((b, c)) = start {
        out.push(Token {
            byte: b,
            column: c,
            text: &line[b..],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_with_their_places() {
        let t = tokens(" ab\tcé  d ");
        let got: Vec<(usize, usize, &str)> = t.iter().map(|t| (t.byte, t.column, t.text)).collect();
        assert_eq!(got, [(1, 1, "ab"), (4, 4, "cé"), (9, 8, "d")]);
        assert!(tokens("   ").is_empty());
    }
}

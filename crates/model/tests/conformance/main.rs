//! Conformance against answers produced by the real clients and brokers (`../shared/vectors/` and
//! `../shared/vectors-kip848/`, schemas in their READMEs).
//!
//! Reads every `*.json` in the folder named by `GROUPLAB_VECTORS` (a relative path is taken from the repository
//! root), or by default in both `../shared/vectors` and `../shared/vectors-kip848`; dispatches on `kind`, prints
//! `N passed, M failed` per kind and exits non-zero on any mismatch. Unknown kinds are reported by name.

#![allow(clippy::disallowed_methods)] // tests may sort with std (clippy.toml)

mod assignment;
mod coordinator;
mod partition;
mod target_assignment;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

/// Outcome of one kind: failures carry a human-readable description of the case and the difference.
#[derive(Default)]
pub struct Tally {
    pub passed: usize,
    pub failures: Vec<String>,
}

impl Tally {
    pub fn check(&mut self, ok: bool, describe: impl FnOnce() -> String) {
        if ok {
            self.passed += 1;
        } else {
            self.failures.push(describe());
        }
    }
}

fn vectors_dirs() -> Vec<PathBuf> {
    let repo_root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    match std::env::var_os("GROUPLAB_VECTORS") {
        Some(dir) if Path::new(&dir).is_absolute() => vec![PathBuf::from(dir)],
        Some(dir) => vec![repo_root.join(dir)],
        None => vec![
            repo_root.join("../shared/vectors"),
            repo_root.join("../shared/vectors-kip848"),
        ],
    }
}

fn main() -> ExitCode {
    let dirs = vectors_dirs();
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in &dirs {
        match std::fs::read_dir(dir) {
            Ok(entries) => files.extend(
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json")),
            ),
            Err(err) => {
                eprintln!(
                    "conformance: cannot read vectors folder {}: {err}",
                    dir.display()
                );
                return ExitCode::FAILURE;
            }
        }
    }
    files.sort();
    if files.is_empty() {
        eprintln!("conformance: no *.json vector files in {}", shown(&dirs));
        return ExitCode::FAILURE;
    }

    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut unknown = 0usize;
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(err) => {
                eprintln!("conformance: cannot read {}: {err}", file.display());
                return ExitCode::FAILURE;
            }
        };
        let doc: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(err) => {
                eprintln!("conformance: {} is not JSON: {err}", file.display());
                return ExitCode::FAILURE;
            }
        };
        let kind = doc["kind"].as_str().unwrap_or("<missing>").to_string();
        let cases = doc["cases"].as_array().cloned().unwrap_or_default();
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let tally = tallies.entry(kind.clone()).or_default();
        match kind.as_str() {
            "partition" => partition::run(&cases, tally),
            "coordinator" => coordinator::run(&cases, tally),
            "assignment" => assignment::run(&cases, tally),
            "target_assignment" => target_assignment::run(&cases, tally),
            other => {
                unknown += cases.len();
                println!(
                    "unknown kind {other:?} in {name}: {} cases NOT checked",
                    cases.len()
                );
            }
        }
    }

    let mut failed = 0;
    for (kind, tally) in &tallies {
        for f in tally.failures.iter().take(20) {
            println!("  FAIL [{kind}] {f}");
        }
        if tally.failures.len() > 20 {
            println!(
                "  ... and {} more [{kind}] failures",
                tally.failures.len() - 20
            );
        }
        if tally.passed + tally.failures.len() > 0 {
            println!(
                "{kind}: {} passed, {} failed",
                tally.passed,
                tally.failures.len()
            );
        }
        failed += tally.failures.len();
    }
    let passed: usize = tallies.values().map(|t| t.passed).sum();
    println!("conformance ({} files from {}):", files.len(), shown(&dirs));
    if unknown > 0 {
        println!("({unknown} cases of unknown kinds were not checked: see above)");
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 && passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn shown(dirs: &[PathBuf]) -> String {
    dirs.iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(" and ")
}

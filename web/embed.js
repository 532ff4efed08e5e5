// GroupLab for course pages: one script, any number of instances.
//   <script type="module" src="https://your.site/grouplab/embed.js"></script>
//   <div data-grouplab="lesson=keys&lang=hi"></div>
// Each element gets an independent simulator in its own shadow root (page styles and ids never mix), and its
// JavaScript API as `element.grouplab` (all of them in `window.grouplab.instances`).
import './boot.js';

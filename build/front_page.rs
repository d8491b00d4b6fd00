//! The crate's front page (`src/lib.rs` docs): the README, with each plot it shows drawn inline.
//!
//! The README shows its plots as relative images (`![alt](docs/plots/NAME.svg)`), which work in
//! a checkout but not where the crate docs are rendered (docs.rs, `cargo doc` of a dependency):
//! those pages have no `docs/plots/` beside them. This writes `$OUT_DIR/front_page.md`: the
//! README with every such line replaced by the SVG itself (an HTML block rustdoc passes
//! through), so the page needs no other file. A plot the README shows that is missing from the
//! package (`include` in Cargo.toml) fails the build, and with it `cargo publish --dry-run`.

use std::fs;
use std::path::Path;

/// Reads `README.md` and the plots it shows from `root`, writes `front_page.md` into `out`.
pub fn write(root: &Path, out: &Path) {
    println!("cargo:rerun-if-changed=README.md");
    let readme = fs::read_to_string(root.join("README.md")).expect("README.md");
    let mut page = String::with_capacity(readme.len());
    for line in readme.lines() {
        match plot_path(line) {
            Some((alt, path)) => {
                println!("cargo:rerun-if-changed={path}");
                let svg = fs::read_to_string(root.join(path)).unwrap_or_else(|e| {
                    panic!(
                        "README.md shows {path}, which this package lacks ({e}): add it to \
                         `include` in Cargo.toml"
                    )
                });
                assert!(
                    svg.trim_start().starts_with("<svg")
                        && !svg.lines().any(|l| l.trim().is_empty()),
                    "{path}: an SVG with no blank line (markdown ends an HTML block at one)"
                );
                // One HTML block: blank lines around it, none inside. `role="img"` and the title
                // give it the README's alt text.
                page.push_str("\n<div class=\"sigtab-plot\" role=\"img\" aria-label=\"");
                page.push_str(&alt.replace('"', "&quot;"));
                page.push_str("\" style=\"max-width: 100%; overflow-x: auto\">\n");
                page.push_str(svg.trim());
                page.push_str("\n</div>\n\n");
            }
            None => {
                page.push_str(line);
                page.push('\n');
            }
        }
    }
    fs::write(out.join("front_page.md"), page).expect("write front_page.md");
}

/// `Some((alt, path))` for a line that is only `![alt](docs/plots/NAME.svg)`.
fn plot_path(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim().strip_prefix("![")?;
    let (alt, rest) = rest.split_once("](")?;
    let path = rest.strip_suffix(')')?;
    (path.starts_with("docs/plots/") && path.ends_with(".svg")).then_some((alt, path))
}

//! The crate's layers, checked from its sources: no top-level module of `src/` reaches back to one
//! that reaches it (no import circle), and the floor imports nothing above it (`money` nothing,
//! `error` only `money`). DESIGN.md, "The shape", draws the layers this keeps.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each top-level module of `src/` and the crate's other top-level modules its code names as
/// `crate::name` (comments and unit tests left out).
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = vec![src.clone()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(
                fs::read_dir(&path)
                    .unwrap()
                    .map(|entry| entry.unwrap().path()),
            );
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap();
        let top = relative.iter().next().unwrap().to_str().unwrap();
        let module = top.trim_end_matches(".rs").to_owned();
        if path.extension().is_none_or(|ext| ext != "rs") || ["lib", "bin"].contains(&&*module) {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        // Unit tests may use anything; they sit at the end of their file.
        let code = text.split("#[cfg(test)]").next().unwrap();
        let code = code.split("#[cfg(all(test").next().unwrap();
        let named = modules.entry(module.clone()).or_default();
        for line in code
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
        {
            for (at, _) in line.match_indices("crate::") {
                let rest = &line[at + "crate::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if !name.is_empty() && name != module {
                    named.insert(name);
                }
            }
        }
    }
    modules
}

/// Whether `from` reaches `to` through the imports.
fn reaches(imports: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut next = vec![from.to_owned()];
    while let Some(module) = next.pop() {
        for named in imports.get(&module).into_iter().flatten() {
            if named == to {
                return true;
            }
            if seen.insert(named.clone()) {
                next.push(named.clone());
            }
        }
    }
    false
}

#[test]
fn no_module_reaches_back_to_one_that_imports_it() {
    let imports = imports();
    let circles: Vec<String> = imports
        .iter()
        .flat_map(|(module, named)| named.iter().map(move |other| (module, other)))
        .filter(|(module, other)| reaches(&imports, other, module))
        .map(|(module, other)| format!("{module} imports {other}, which reaches back to {module}"))
        .collect();
    assert!(circles.is_empty(), "{circles:#?}");
}

#[test]
fn the_floor_imports_nothing_above_it() {
    let imports = imports();
    assert_eq!(imports["money"], BTreeSet::new());
    assert_eq!(imports["error"], BTreeSet::from(["money".to_owned()]));
}

#[test]
fn the_check_sees_imports() {
    // Not vacuous: the reader does find what the core imports.
    let imports = imports();
    assert!(imports["read"].contains("error"));
    assert!(imports["price_book"].contains("read"));
    assert!(imports.len() >= 10, "{imports:?}");
}

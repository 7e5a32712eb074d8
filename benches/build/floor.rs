//! The floor: the least any generator must do. Read each page, render its markdown with
//! pulldown-cmark in parallel, and write it at its pretty URL.

use std::path::Path;

use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;

use crate::measure::Sample;

pub fn build(site: &Path, out: &Path) -> Sample {
    crate::measure::in_process(|| write(site, out))
}

fn write(site: &Path, out: &Path) {
    let content = site.join("content");
    let pages: Vec<std::path::PathBuf> = walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.path().to_path_buf())
        .collect();
    pages.par_iter().for_each(|path| {
        let text = std::fs::read_to_string(path).expect("read page");
        let body = text.splitn(3, "+++\n").nth(2).unwrap_or(&text);
        let mut html = String::with_capacity(body.len() * 3 / 2);
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_SMART_PUNCTUATION
            | Options::ENABLE_HEADING_ATTRIBUTES;
        pulldown_cmark::html::push_html(&mut html, Parser::new_ext(body, options));
        let relative = path
            .strip_prefix(&content)
            .expect("inside content")
            .with_extension("");
        let dir = out.join(relative);
        std::fs::create_dir_all(&dir).expect("create dir");
        std::fs::write(dir.join("index.html"), html).expect("write page");
    });
}

//! The document as CommonMark: headings, a bullet list for the summary, bold labels for the
//! key figures, paragraphs, a rule before the footer. No bidi control marks (a Markdown
//! viewer picks each paragraph's direction from its first letter, as GitHub does), and
//! the text is escaped so a name like `*Ali*` or `<b>` shows as written.

use std::fmt::Write as _;

use crate::model::Document;
use crate::text::strip_bidi_controls;

/// The document as Markdown (see the module docs). The output is linear in the input's
/// size; the caller checks [`Document::validate`] first when the input is untrusted.
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    if !doc.byline.is_empty() {
        let lines: Vec<String> = doc.byline.iter().map(|line| escape(line)).collect();
        // A backslash at the end of a line is a hard line break.
        let _ = writeln!(out, "{}\n", lines.join("\\\n"));
    }
    if !doc.summary.is_empty() {
        heading(&mut out, doc.summary_heading.as_deref());
        for item in &doc.summary {
            let _ = writeln!(out, "- {}", escape(item));
        }
        out.push('\n');
    }
    if !doc.figures.is_empty() {
        heading(&mut out, doc.figures_heading.as_deref());
        for figure in &doc.figures {
            let _ = writeln!(
                out,
                "- **{}:** {}",
                escape(&figure.label),
                escape(&figure.value)
            );
        }
        out.push('\n');
    }
    for section in &doc.sections {
        heading(&mut out, Some(&section.heading));
        for paragraph in &section.paragraphs {
            let _ = writeln!(out, "{}\n", escape(paragraph));
        }
    }
    if !doc.footer.trim().is_empty() {
        let _ = writeln!(out, "---\n\n{}", escape(&doc.footer));
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn heading(out: &mut String, text: Option<&str>) {
    if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
        let _ = writeln!(out, "## {}\n", escape(text));
    }
}

/// `text` on one line, without bidi controls, with the characters that would start
/// Markdown syntax escaped.
fn escape(text: &str) -> String {
    let flat: String = strip_bidi_controls(text)
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let flat = flat.trim();
    let mut out = String::with_capacity(flat.len() + 8);
    for (i, c) in flat.char_indices() {
        let at_start = i == 0;
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
        ) || (at_start && matches!(c, '#' | '-' | '+' | '='));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. text" or "1) text" at the start would become an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markdown_syntax_in_text_is_escaped() {
        assert_eq!(
            escape("*Ali* <b>x</b> [y](z)"),
            r"\*Ali\* \<b\>x\</b\> \[y\](z)"
        );
        assert_eq!(escape("# not a heading"), r"\# not a heading");
        assert_eq!(escape("- not a bullet"), r"\- not a bullet");
        assert_eq!(escape("1990. a year"), r"1990\. a year");
        assert_eq!(
            escape("5 — the explorer, 1990-07-15"),
            "5 — the explorer, 1990-07-15"
        );
    }

    #[test]
    fn text_is_flattened_to_one_line_without_bidi_marks() {
        assert_eq!(escape("  a\nb\u{2068}c\u{2069} "), "a bc");
    }
}

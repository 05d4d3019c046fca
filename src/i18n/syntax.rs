//! Message files read as a syntax tree: which messages a file has, where,
//! and which variables each uses. For `kiosk check` and the tests that
//! keep the languages in step.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// One message of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageInfo {
    pub id: String,
    /// The variables it uses, `$name` without the `$`.
    pub variables: BTreeSet<String>,
    /// Where its id starts, in bytes.
    pub offset: usize,
}

/// The messages of one file's text (messages with mistakes are left out:
/// the parser's diagnostics report them).
pub fn messages_of(text: &str) -> Vec<MessageInfo> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                let mut variables = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut variables);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut variables);
                }
                Some(MessageInfo {
                    id: m.id.name.to_string(),
                    variables,
                    offset: offset_of(text, m.id.name),
                })
            }
            _ => None,
        })
        .collect()
}

/// Where a message's definition starts: the line that begins with its id.
fn offset_of(text: &str, id: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            return at;
        }
        at += line.len();
    }
    0
}

fn pattern_vars(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, out),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

/// A message whose variables differ from English's: its id, file and
/// offset, English's variables and this one's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariablesDiffer {
    pub id: String,
    pub file: String,
    pub offset: usize,
    pub english: BTreeSet<String>,
    pub here: BTreeSet<String>,
}

/// How one language's messages differ from English's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Differences {
    /// English messages this language does not have.
    pub missing: Vec<String>,
    /// Messages English does not have: (id, file, offset).
    pub extra: Vec<(String, String, usize)>,
    pub variables: Vec<VariablesDiffer>,
}

/// Compares a language's files with English's: each a list of (file name,
/// text). Messages only English uses for itself (`locale-dates`,
/// `clock-hours`, `language-name`) must exist too.
pub fn compare(english: &[(String, String)], other: &[(String, String)]) -> Differences {
    let base: BTreeMap<String, BTreeSet<String>> = english
        .iter()
        .flat_map(|(_, text)| messages_of(text))
        .map(|m| (m.id, m.variables))
        .collect();
    let mut seen = BTreeSet::new();
    let mut diff = Differences::default();
    for (file, text) in other {
        for m in messages_of(text) {
            match base.get(&m.id) {
                None => diff.extra.push((m.id.clone(), file.clone(), m.offset)),
                Some(vars) if *vars != m.variables => diff.variables.push(VariablesDiffer {
                    id: m.id.clone(),
                    file: file.clone(),
                    offset: m.offset,
                    english: vars.clone(),
                    here: m.variables.clone(),
                }),
                Some(_) => {}
            }
            seen.insert(m.id);
        }
    }
    diff.missing = base
        .keys()
        .filter(|id| !seen.contains(*id))
        .cloned()
        .collect();
    diff
}

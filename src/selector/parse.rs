//! The string-form parser: a tiny lexer (byte offsets kept for errors) feeding a
//! recursive-descent parser for Kubernetes' selector grammar.
//!
//! ```text
//! selector    := "" | requirement ("," requirement)*
//! requirement := "!" KEY | KEY [ ("=" | "==" | "!=") VALUE | ("in" | "notin") "(" VALUE ("," VALUE)* ")" ]
//! ```
//! `in`/`notin` are keywords only in operator position, so a key may be called `in`.

use super::{Operator, Requirement, RequirementError, SelectorError};

/// One lexical token; identifiers borrow from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Ident(&'a str),
    Bang,
    Equals,
    DoubleEquals,
    NotEquals,
    Comma,
    OpenParen,
    CloseParen,
    Greater,
    Less,
    End,
}

impl Token<'_> {
    /// How the token is named in error messages ("found …").
    fn describe(self) -> String {
        let symbol = match self {
            Token::Ident(text) => return format!("{text:?}"),
            Token::End => return "end of input".to_owned(),
            Token::Bang => "!",
            Token::Equals => "=",
            Token::DoubleEquals => "==",
            Token::NotEquals => "!=",
            Token::Comma => ",",
            Token::OpenParen => "(",
            Token::CloseParen => ")",
            Token::Greater => ">",
            Token::Less => "<",
        };
        format!("'{symbol}'")
    }
}

struct Lexer<'a> {
    input: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// Characters that end an identifier; everything else (even non-ASCII) is part of one, so
    /// that validation, not the lexer, reports a bad character with the whole token quoted.
    fn is_special(c: char) -> bool {
        matches!(c, '!' | '=' | ',' | '(' | ')' | '<' | '>') || c.is_ascii_whitespace()
    }

    /// The next token and the byte offset where it starts.
    fn next_token(&mut self) -> (usize, Token<'a>) {
        let rest = &self.input[self.pos..];
        let trimmed = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        self.pos += rest.len() - trimmed.len();
        let start = self.pos;
        let mut chars = trimmed.chars();
        let Some(first) = chars.next() else {
            return (start, Token::End);
        };
        let followed_by_eq = chars.next() == Some('=');
        let (token, len) = match first {
            '!' if followed_by_eq => (Token::NotEquals, 2),
            '!' => (Token::Bang, 1),
            '=' if followed_by_eq => (Token::DoubleEquals, 2),
            '=' => (Token::Equals, 1),
            ',' => (Token::Comma, 1),
            '(' => (Token::OpenParen, 1),
            ')' => (Token::CloseParen, 1),
            '>' => (Token::Greater, 1),
            '<' => (Token::Less, 1),
            _ => {
                let len = trimmed.find(Self::is_special).unwrap_or(trimmed.len());
                (Token::Ident(&trimmed[..len]), len)
            }
        };
        self.pos += len;
        (start, token)
    }
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    peeked: Option<(usize, Token<'a>)>,
}

fn syntax(position: usize, problem: impl Into<String>) -> SelectorError {
    SelectorError::Syntax { position, problem: problem.into() }
}

fn invalid(position: usize, error: RequirementError) -> SelectorError {
    syntax(position, error.to_string())
}

/// Parses the whole input into requirements (unsorted; the caller canonicalises).
pub(super) fn parse(input: &str) -> Result<Vec<Requirement>, SelectorError> {
    let mut parser = Parser { lexer: Lexer { input, pos: 0 }, peeked: None };
    let mut requirements = Vec::new();
    if parser.peek().1 == Token::End {
        return Ok(requirements);
    }
    loop {
        requirements.push(parser.requirement(requirements.is_empty())?);
        match parser.next() {
            (_, Token::End) => return Ok(requirements),
            (_, Token::Comma) => {}
            (position, found) => {
                let last = requirements.last().map(ToString::to_string).unwrap_or_default();
                let found = found.describe();
                return Err(syntax(
                    position,
                    format!("expected ',' or end of input after requirement \"{last}\", found {found}"),
                ));
            }
        }
    }
}

impl<'a> Parser<'a> {
    fn next(&mut self) -> (usize, Token<'a>) {
        self.peeked.take().unwrap_or_else(|| self.lexer.next_token())
    }

    fn peek(&mut self) -> (usize, Token<'a>) {
        let token = self.next();
        self.peeked = Some(token);
        token
    }

    fn requirement(&mut self, first: bool) -> Result<Requirement, SelectorError> {
        let (position, token) = self.next();
        let key = match token {
            Token::Bang => {
                let (key_position, key) = self.key("after '!'")?;
                return Requirement::new(key, Operator::DoesNotExist, []).map_err(|e| invalid(key_position, e));
            }
            Token::Ident(key) => key,
            found => {
                let context = if first { "" } else { " after ','" };
                let found = found.describe();
                return Err(syntax(position, format!("expected a label key or '!'{context}, found {found}")));
            }
        };
        // Check the key before the operator so that `Bad Key=x` blames the key, not the space.
        let exists = Requirement::new(key, Operator::Exists, []).map_err(|e| invalid(position, e))?;
        let (op_position, op_token) = self.peek();
        let (operator, symbol) = match op_token {
            Token::Comma | Token::End => return Ok(exists),
            Token::Equals => (Operator::Equals, "="),
            Token::DoubleEquals => (Operator::Equals, "=="),
            Token::NotEquals => (Operator::NotEquals, "!="),
            Token::Ident("in") => (Operator::In, "in"),
            Token::Ident("notin") => (Operator::NotIn, "notin"),
            Token::Greater | Token::Less => {
                let found = op_token.describe();
                return Err(syntax(op_position, format!("operator {found} after key {key:?} is not supported in label selectors; use '=', '==', '!=', 'in' or 'notin'")));
            }
            found => {
                let found = found.describe();
                return Err(syntax(
                    op_position,
                    format!(
                        "expected '=', '==', '!=', 'in', 'notin', ',' or end of input after key {key:?}, found {found}"
                    ),
                ));
            }
        };
        self.next();
        let (values_position, values) = match operator {
            Operator::In | Operator::NotIn => self.value_list(key, symbol)?,
            _ => {
                let (value_position, value) = self.value(&format!("after '{symbol}'"))?;
                (value_position, vec![(value_position, value)])
            }
        };
        Requirement::new(key, operator, values.iter().map(|(_, v)| (*v).to_owned())).map_err(|e| {
            // Point at the offending value when there is one, else at the list.
            let at = match &e {
                RequirementError::InvalidValue { value, .. } => {
                    values.iter().find(|(_, v)| v == value).map_or(values_position, |(p, _)| *p)
                }
                _ => values_position,
            };
            invalid(at, e)
        })
    }

    fn key(&mut self, context: &str) -> Result<(usize, &'a str), SelectorError> {
        match self.next() {
            (position, Token::Ident(key)) => Ok((position, key)),
            (position, found) => {
                let found = found.describe();
                Err(syntax(position, format!("expected a label key {context}, found {found}")))
            }
        }
    }

    fn value(&mut self, context: &str) -> Result<(usize, &'a str), SelectorError> {
        match self.next() {
            (position, Token::Ident(value)) => Ok((position, value)),
            (position, found) => {
                let found = found.describe();
                Err(syntax(position, format!("expected a value {context}, found {found}")))
            }
        }
    }

    /// `( VALUE (, VALUE)* )` after `in`/`notin`; returns where the list starts and its values.
    #[allow(clippy::type_complexity)]
    fn value_list(&mut self, key: &str, symbol: &str) -> Result<(usize, Vec<(usize, &'a str)>), SelectorError> {
        let (open_position, open) = self.next();
        if open != Token::OpenParen {
            let found = open.describe();
            return Err(syntax(open_position, format!("expected '(' after '{key} {symbol}', found {found}")));
        }
        let mut values = Vec::new();
        let mut context = "after '('";
        loop {
            let (position, value) = self.value(context)?;
            values.push((position, value));
            match self.next() {
                (_, Token::Comma) => context = "after ','",
                (_, Token::CloseParen) => return Ok((open_position, values)),
                (position, found) => {
                    let found = found.describe();
                    return Err(syntax(position, format!("expected ',' or ')' after value {value:?}, found {found}")));
                }
            }
        }
    }
}

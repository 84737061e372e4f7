//! Hiding secrets in text that tmcctl shows but did not write, such as an exec credential
//! plugin's stderr: a plugin that fails may well print the token it was given or received.
//! Text goes in, the same text comes out with every token-like word replaced by `[redacted]`.

/// What a hidden secret is shown as.
pub(crate) const REDACTED: &str = "[redacted]";

/// Words that, followed by `=` or `:`, introduce a secret value (`token=…`, `"password": "…"`).
const SECRET_KEYS: [&str; 9] =
    ["token", "secret", "password", "passwd", "credential", "apikey", "api_key", "api-key", "authorization"];

/// Schemes of an `Authorization` header, followed by the credential itself.
const AUTH_SCHEMES: [&str; 2] = ["bearer", "basic"];

/// Replaces token-like words of `text` with [`REDACTED`]:
/// the value after a secret key (`token=x`, `client_secret: x`, `"password": "x"`),
/// the credential after `Bearer` or `Basic`, JSON web tokens (`eyJ…`), runs of 16 or more hex
/// digits, and base64-like runs of 20 or more characters mixing upper case, lower case and
/// digits. Everything else, paths and names included, is kept exactly as it was.
pub(crate) fn redact_secrets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The next word is a secret: it follows a secret key or an authorization scheme.
    let mut secret_next = false;
    let mut rest = text;
    while !rest.is_empty() {
        let gap_len = rest.find(is_word_char).unwrap_or(rest.len());
        let (gap, after_gap) = rest.split_at(gap_len);
        if !gap.is_empty() {
            out.push_str(gap);
            // A value follows its key across `=`, `:`, quotes and spaces, and nothing else.
            secret_next &= gap.chars().all(|c| matches!(c, '=' | ':' | '"' | '\'') || c.is_whitespace());
        }
        if after_gap.is_empty() {
            break;
        }
        let word_len = after_gap.find(|c| !is_word_char(c)).unwrap_or(after_gap.len());
        let (word, mut after_word) = after_gap.split_at(word_len);
        let lower = word.to_ascii_lowercase();
        let is_scheme = AUTH_SCHEMES.contains(&lower.as_str());
        if is_scheme {
            // `Authorization: Bearer x`: the scheme is no secret, the word after it is.
            out.push_str(word);
            secret_next = after_word.starts_with(' ');
        } else if secret_next || looks_like_token(word) {
            out.push_str(REDACTED);
            after_word = skip_padding(after_word);
            secret_next = false;
        } else {
            out.push_str(word);
            secret_next = SECRET_KEYS.iter().any(|key| lower.contains(key)) && introduces_value(after_word);
        }
        rest = after_word;
    }
    out
}

/// Characters of a word: base64 and base64url, hex, JWT dots, and path characters.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '_' | '.' | '~' | '-')
}

/// `text` without the base64 padding (`==`) at its start, when padding is what it is: `==`
/// that ends a word, not the `=` between a key and its value.
fn skip_padding(text: &str) -> &str {
    let unpadded = text.trim_start_matches('=');
    if unpadded.starts_with(is_word_char) {
        text
    } else {
        unpadded
    }
}

/// Whether `after` (the text after a secret key) starts with `=` or `:` before any word.
fn introduces_value(after: &str) -> bool {
    let gap: String = after.chars().take_while(|c| !is_word_char(*c)).collect();
    gap.contains(['=', ':']) && gap.chars().all(|c| matches!(c, '=' | ':' | '"' | '\'') || c.is_whitespace())
}

/// Whether a word looks like a credential rather than a name, a number or a path.
fn looks_like_token(body: &str) -> bool {
    if body.starts_with("eyJ") && body.len() >= 10 {
        return true;
    }
    if body.len() >= 16
        && body.chars().all(|c| c.is_ascii_hexdigit())
        && body.chars().any(|c| c.is_ascii_digit())
        && body.chars().any(|c| c.is_ascii_alphabetic())
    {
        return true;
    }
    // Paths (`/usr/…`, `./x`, `~/x`) are names, however long and mixed.
    body.len() >= 20
        && !body.starts_with(['/', '.', '~'])
        && body.chars().any(|c| c.is_ascii_uppercase())
        && body.chars().any(|c| c.is_ascii_lowercase())
        && body.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hides_values_of_secret_keys() {
        assert_eq!(redact_secrets("token=SECRET123abc expired"), "token=[redacted] expired");
        assert_eq!(redact_secrets("id_token: abc, next"), "id_token: [redacted], next");
        assert_eq!(redact_secrets(r#"{"password": "hunter2"}"#), r#"{"password": "[redacted]"}"#);
        assert_eq!(redact_secrets("CLIENT_SECRET='s3'"), "CLIENT_SECRET='[redacted]'");
        assert_eq!(redact_secrets("api-key=x1==  done"), "api-key=[redacted]  done");
    }

    #[test]
    fn hides_authorization_credentials_but_keeps_the_scheme() {
        assert_eq!(redact_secrets("Authorization: Bearer abc.def"), "Authorization: Bearer [redacted]");
        assert_eq!(redact_secrets("sent bearer xyz"), "sent bearer [redacted]");
        assert_eq!(redact_secrets("Basic dXNlcjpwYXNz"), "Basic [redacted]");
    }

    #[test]
    fn hides_token_shaped_words_anywhere() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";
        assert_eq!(redact_secrets(&format!("got {jwt} back")), "got [redacted] back");
        assert_eq!(redact_secrets("sha 0123456789abcdef0123"), "sha [redacted]");
        assert_eq!(redact_secrets("key Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MA== end"), "key [redacted] end");
    }

    #[test]
    fn keeps_ordinary_text_exactly() {
        for text in [
            "Login failed for User Alice: account locked",
            "cannot open /Users/Alice/.config/Plugin-v2/Config2024Settings.json",
            "error: token expired at 2024-05-01T10:00:00Z",
            "kubernetes-exec-plugin-v2 exited",
            "try `gcloud auth login` first",
            "",
        ] {
            assert_eq!(redact_secrets(text), text);
        }
    }
}

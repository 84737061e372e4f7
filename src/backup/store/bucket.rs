//! Backups under a prefix of an S3-compatible bucket, through `object_store`.

use std::time::Duration;

use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path;
use object_store::{ClientOptions, ObjectStore, ObjectStoreExt, RetryConfig};

use crate::error::{CliError, ExitKind};

use super::profile::{Profile, Sources};
use super::{backup_name, Stored, SUFFIX};

/// A bucket and the prefix backups are kept under.
pub struct Bucket {
    name: String,
    prefix: String,
    store: AmazonS3,
}

impl Bucket {
    /// `s3://BUCKET[/PREFIX]`, with credentials, region and endpoint from the environment.
    pub fn parse(url: &str) -> Result<Self, CliError> {
        let rest = url.trim_start_matches("s3://");
        let (name, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let prefix = prefix.trim_matches('/').to_string();
        let valid_bucket = (3..=63).contains(&name.len())
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.'));
        if !valid_bucket || prefix.split('/').any(|part| part == ".." || part == ".") {
            return Err(CliError::usage(format!(
                "backup location {url:?} is not a valid S3 URL: use s3://BUCKET/PREFIX (a bucket name of 3-63 lower-case letters, digits, '-' or '.')"
            )));
        }
        crate::client::use_ring_for_tls();
        let profile = match Sources::from_env() {
            Some(sources) => sources.load().map_err(|e| {
                CliError::new(ExitKind::Config, format!("cannot use {url}: {e}"))
                    .with_hint("set AWS_PROFILE to a profile those files hold, or unset it")
            })?,
            None => Profile::default(),
        };
        let env = |names: &[&str]| names.iter().find_map(|n| std::env::var(n).ok().filter(|v| !v.is_empty()));
        let endpoint = env(&["AWS_ENDPOINT_URL", "AWS_ENDPOINT"]).or(profile.endpoint_url.clone());
        // An http:// endpoint named explicitly is meant (as the AWS CLI takes it).
        let allow_http = endpoint.as_deref().is_some_and(|e| e.starts_with("http://"))
            || std::env::var("AWS_ALLOW_HTTP").is_ok_and(|v| v.eq_ignore_ascii_case("true"));
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(name)
            .with_client_options(
                ClientOptions::new()
                    .with_allow_http(allow_http)
                    .with_connect_timeout(Duration::from_secs(10))
                    .with_timeout(Duration::from_secs(300)),
            )
            .with_retry(RetryConfig { max_retries: 3, retry_timeout: Duration::from_secs(30), ..Default::default() });
        // The environment's variables win; the profile fills in the rest, as the AWS CLI does.
        if let Some(endpoint) = endpoint {
            builder = builder.with_endpoint(endpoint);
        }
        if env(&["AWS_ACCESS_KEY_ID"]).is_none() {
            if let (Some(id), Some(secret)) = (&profile.access_key_id, &profile.secret_access_key) {
                builder = builder.with_access_key_id(id).with_secret_access_key(secret);
                if let Some(token) = &profile.session_token {
                    builder = builder.with_token(token);
                }
            }
        }
        let region = env(&["AWS_REGION", "AWS_DEFAULT_REGION"]).or(profile.region).unwrap_or("us-east-1".into());
        builder = builder.with_region(region);
        let store = builder.build().map_err(|e| {
            CliError::new(ExitKind::Config, format!("cannot use {url}: {}", plain(&e)))
                .with_hint("set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION and, for a store other than AWS, AWS_ENDPOINT_URL (or AWS_PROFILE)")
        })?;
        Ok(Self { name: name.to_string(), prefix, store })
    }

    /// `s3://BUCKET/PREFIX`.
    pub fn url(&self) -> String {
        if self.prefix.is_empty() {
            format!("s3://{}", self.name)
        } else {
            format!("s3://{}/{}", self.name, self.prefix)
        }
    }

    fn path_of(&self, name: &str) -> Path {
        if self.prefix.is_empty() {
            Path::from(format!("{name}{SUFFIX}"))
        } else {
            Path::from(format!("{}/{name}{SUFFIX}", self.prefix))
        }
    }

    fn fail(&self, what: &str, name: &str, e: object_store::Error) -> CliError {
        let url = format!("{}/{name}{SUFFIX}", self.url());
        match e {
            object_store::Error::NotFound { .. } => {
                CliError::new(ExitKind::NotFound, format!("backup \"{name}\" not found in {}", self.url()))
                    .with_hint("see `tmcctl backup list`")
            }
            object_store::Error::PermissionDenied { .. } | object_store::Error::Unauthenticated { .. } => {
                CliError::new(ExitKind::Auth, format!("cannot {what} {url}: the store refused the credentials"))
                    .with_hint("check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY and the bucket's policy")
            }
            e => failure(&format!("cannot {what} {url}"), &e),
        }
    }

    /// Writes backup `name` with one PUT; returns its URL.
    pub async fn write(&self, name: &str, bytes: Vec<u8>) -> Result<String, CliError> {
        self.store.put(&self.path_of(name), bytes.into()).await.map_err(|e| self.fail("write", name, e))?;
        Ok(format!("{}/{name}{SUFFIX}", self.url()))
    }

    /// Reads backup `name`, or only its first `limit` bytes.
    pub async fn read(&self, name: &str, limit: Option<u64>) -> Result<Vec<u8>, CliError> {
        let path = self.path_of(name);
        let bytes = match limit {
            Some(limit) => self.store.get_range(&path, 0..limit).await,
            None => match self.store.get(&path).await {
                Ok(result) => result.bytes().await,
                Err(e) => Err(e),
            },
        };
        bytes.map(|b| b.to_vec()).map_err(|e| self.fail("read", name, e))
    }

    /// The backups under the prefix (not below it).
    pub async fn list(&self) -> Result<Vec<Stored>, CliError> {
        let prefix = (!self.prefix.is_empty()).then(|| Path::from(self.prefix.as_str()));
        let listed = self
            .store
            .list_with_delimiter(prefix.as_ref())
            .await
            .map_err(|e| failure(&format!("cannot list {}", self.url()), &e))?;
        Ok(listed
            .objects
            .into_iter()
            .filter_map(|meta| {
                let name = backup_name(meta.location.filename()?)?.to_string();
                let modified = jiff::Timestamp::from_second(meta.last_modified.timestamp()).ok();
                Some(Stored { name, size: meta.size, modified })
            })
            .collect())
    }

    /// Deletes backup `name`; `false` when there was none (S3 answers a delete of nothing with
    /// success, so it is looked up first).
    pub async fn delete(&self, name: &str) -> Result<bool, CliError> {
        let path = self.path_of(name);
        match self.store.head(&path).await {
            Ok(_) => {}
            Err(object_store::Error::NotFound { .. }) => return Ok(false),
            Err(e) => return Err(self.fail("delete", name, e)),
        }
        self.store.delete(&path).await.map_err(|e| self.fail("delete", name, e))?;
        Ok(true)
    }
}

/// `what` failed because of `e`: exit 5 when the store refused the credentials, 6 for a missing
/// bucket, else 4 (the store could not be reached or failed).
fn failure(what: &str, e: &object_store::Error) -> CliError {
    let said = plain(e);
    let kind = if hint_for(&said).is_some_and(|h| h.contains("AWS_ACCESS_KEY_ID")) {
        ExitKind::Auth
    } else if said.contains("NoSuchBucket") {
        ExitKind::NotFound
    } else {
        ExitKind::Unavailable
    };
    let error = CliError::new(kind, format!("{what}: {said}"));
    match hint_for(&said) {
        Some(hint) => error.with_hint(hint),
        None => error,
    }
}

/// An object_store error in words: the store's own code and message when it answered (its XML
/// body holds them), else the innermost cause (such as "Connection refused"), never the request
/// dump object_store prints.
fn plain(e: &object_store::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text = format!("{text}: {s}");
        source = s.source();
    }
    words(&text)
}

fn words(text: &str) -> String {
    let tag = |name: &str| {
        let open = format!("<{name}>");
        let start = text.find(&open)? + open.len();
        let end = text[start..].find(&format!("</{name}>"))?;
        Some(text[start..start + end].to_string())
    };
    match (tag("Code"), tag("Message")) {
        (Some(code), Some(message)) => format!("the store answered {code}: {message}"),
        (Some(code), None) => format!("the store answered {code}"),
        _ => {
            let cause = text.rsplit(": ").next().unwrap_or(text).trim();
            let cause = cause.split(" (os error").next().unwrap_or(cause);
            format!("cannot reach the store: {cause}")
        }
    }
}

/// What to do about an error the store answered.
fn hint_for(text: &str) -> Option<&'static str> {
    if text.contains("NoSuchBucket") {
        Some("create the bucket first, or check the name in s3://BUCKET/PREFIX")
    } else if ["SignatureDoesNotMatch", "InvalidAccessKeyId", "AccessDenied"].iter().any(|c| text.contains(c)) {
        Some("check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY and the bucket's policy")
    } else if text.contains("cannot reach") {
        Some("check AWS_ENDPOINT_URL and that the store is up")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_answer_is_told_by_its_code_and_message() {
        let raw = "Generic S3 error: Error performing list request: Error performing GET http://h/b?x in 2ms - Server returned non-2xx status code: 404 Not Found: <?xml version=\"1.0\"?>\\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>R</RequestId></Error>";
        assert_eq!(words(raw), "the store answered NoSuchBucket: The specified bucket does not exist.");
        assert!(hint_for(&words(raw)).unwrap().contains("create the bucket"));
    }

    #[test]
    fn an_unreachable_store_is_told_by_the_innermost_cause() {
        let raw = "Generic S3 error: Error performing list request: Error performing GET http://h/b in 388ms, after 3 retries - HTTP error: error sending request: client error (Connect): tcp connect error: Connection refused (os error 111)";
        assert_eq!(words(raw), "cannot reach the store: Connection refused");
        assert!(hint_for(&words(raw)).unwrap().contains("AWS_ENDPOINT_URL"));
    }

    #[test]
    fn bucket_urls_are_checked() {
        for bad in ["s3://", "s3://A_B/x", "s3://ok-bucket/../up"] {
            assert!(Bucket::parse(bad).is_err(), "{bad}");
        }
        let bucket = Bucket::parse("s3://fleet-backups/tmc/prod/").unwrap();
        assert_eq!(bucket.url(), "s3://fleet-backups/tmc/prod");
        assert_eq!(bucket.path_of("nightly").as_ref(), "tmc/prod/nightly.tmcbackup");
    }
}

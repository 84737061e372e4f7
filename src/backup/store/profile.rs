//! AWS shared profiles for S3 locations, as the AWS CLI reads them: `AWS_PROFILE` (else
//! `default`) in `~/.aws/credentials` (`AWS_SHARED_CREDENTIALS_FILE`) for the keys, and in
//! `~/.aws/config` (`AWS_CONFIG_FILE`, section `[profile NAME]`, or `[default]`) for region and
//! endpoint. The environment's own variables win over a profile's values, field by field.
//! Only static keys are read: `credential_process`, SSO and role chaining are not.

use std::path::{Path, PathBuf};

use ini::Ini;
use thiserror::Error;

/// The values a profile gives.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    pub session_token: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
}

// Keys stay out of any debug output.
impl std::fmt::Debug for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Profile")
            .field("access_key_id", &self.access_key_id.as_ref().map(|_| "<set>"))
            .field("secret_access_key", &self.secret_access_key.as_ref().map(|_| "<set>"))
            .field("region", &self.region)
            .field("endpoint_url", &self.endpoint_url)
            .finish()
    }
}

/// Why a profile cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ProfileError {
    #[error("AWS profile \"{name}\" (AWS_PROFILE) is in neither {credentials} nor {config}")]
    NotFound { name: String, credentials: String, config: String },
    #[error("cannot read {file}: {cause}")]
    Unreadable { file: String, cause: String },
}

/// Which files and profile the environment names.
pub struct Sources {
    /// The profile asked for; `None` means `default`, which may be absent without an error.
    pub name: Option<String>,
    pub credentials: PathBuf,
    pub config: PathBuf,
}

impl Sources {
    /// From `AWS_PROFILE`, `AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE` and the home directory.
    pub fn from_env() -> Option<Self> {
        let aws = dirs::home_dir().map(|h| h.join(".aws"));
        let file = |var: &str, default: &str| {
            std::env::var_os(var).map(PathBuf::from).or_else(|| aws.as_ref().map(|a| a.join(default)))
        };
        Some(Self {
            name: std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty()),
            credentials: file("AWS_SHARED_CREDENTIALS_FILE", "credentials")?,
            config: file("AWS_CONFIG_FILE", "config")?,
        })
    }

    /// Reads the profile; a file that does not exist holds nothing.
    pub fn load(&self) -> Result<Profile, ProfileError> {
        let read = |path: &Path| match std::fs::read_to_string(path) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(ProfileError::Unreadable { file: path.display().to_string(), cause: e.to_string() }),
        };
        let credentials = read(&self.credentials)?;
        let config = read(&self.config)?;
        let name = self.name.as_deref().unwrap_or("default");
        let found = parse(credentials.as_deref(), config.as_deref(), name).map_err(|(which, cause)| {
            let file = if which == Which::Credentials { &self.credentials } else { &self.config };
            ProfileError::Unreadable { file: file.display().to_string(), cause }
        })?;
        match found {
            Some(profile) => Ok(profile),
            None if self.name.is_none() => Ok(Profile::default()),
            None => Err(ProfileError::NotFound {
                name: name.to_string(),
                credentials: self.credentials.display().to_string(),
                config: self.config.display().to_string(),
            }),
        }
    }
}

/// Which of the two files.
#[derive(Debug, PartialEq, Eq)]
enum Which {
    Credentials,
    Config,
}

/// Profile `name` from the two files' text; `None` when neither has it. The credentials file
/// names sections `[NAME]`; the config file `[profile NAME]`, except `[default]`.
fn parse(credentials: Option<&str>, config: Option<&str>, name: &str) -> Result<Option<Profile>, (Which, String)> {
    // AWS files have no escapes: a backslash in a key is a backslash.
    let load = |text: &str, which: Which| Ini::load_from_str_noescape(text).map_err(|e| (which, e.to_string()));
    let credentials = credentials.map(|t| load(t, Which::Credentials)).transpose()?;
    let config = config.map(|t| load(t, Which::Config)).transpose()?;
    let config_section = if name == "default" { "default".to_string() } else { format!("profile {name}") };
    let keys = credentials.as_ref().and_then(|c| c.section(Some(name)));
    let settings = config.as_ref().and_then(|c| c.section(Some(config_section.as_str())));
    if keys.is_none() && settings.is_none() {
        return Ok(None);
    }
    // A key may be in either file; the credentials file wins.
    let get = |key: &str| {
        keys.and_then(|s| s.get(key))
            .or_else(|| settings.and_then(|s| s.get(key)))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    Ok(Some(Profile {
        access_key_id: get("aws_access_key_id"),
        secret_access_key: get("aws_secret_access_key"),
        session_token: get("aws_session_token"),
        region: get("region"),
        endpoint_url: get("endpoint_url"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CREDENTIALS: &str = "[default]\naws_access_key_id = AKDEFAULT\naws_secret_access_key = sdefault\n\n\
                               [backup]\naws_access_key_id=AKBACKUP\naws_secret_access_key=s\\ecret/+x\n";
    const CONFIG: &str = "[default]\nregion = eu-west-1\n\n[profile backup]\nregion = eu-central-1\n\
                          endpoint_url = http://127.0.0.1:7070\n";

    #[test]
    fn a_named_profile_takes_keys_from_credentials_and_region_and_endpoint_from_config() {
        let p = parse(Some(CREDENTIALS), Some(CONFIG), "backup").unwrap().unwrap();
        assert_eq!(p.access_key_id.as_deref(), Some("AKBACKUP"));
        assert_eq!(p.secret_access_key.as_deref(), Some("s\\ecret/+x"), "a backslash is not an escape");
        assert_eq!(p.region.as_deref(), Some("eu-central-1"));
        assert_eq!(p.endpoint_url.as_deref(), Some("http://127.0.0.1:7070"));
        assert_eq!(p.session_token, None);
    }

    #[test]
    fn the_default_profile_is_plain_default_in_both_files() {
        let p = parse(Some(CREDENTIALS), Some(CONFIG), "default").unwrap().unwrap();
        assert_eq!(p.access_key_id.as_deref(), Some("AKDEFAULT"));
        assert_eq!(p.region.as_deref(), Some("eu-west-1"));
    }

    #[test]
    fn keys_in_the_config_file_count_when_credentials_has_no_section() {
        let config = "[profile ci]\naws_access_key_id = AKCI\naws_secret_access_key = sci\nregion = us-west-2\n";
        let p = parse(None, Some(config), "ci").unwrap().unwrap();
        assert_eq!(p.access_key_id.as_deref(), Some("AKCI"));
        assert_eq!(p.region.as_deref(), Some("us-west-2"));
    }

    #[test]
    fn an_absent_profile_is_none_and_a_broken_file_names_which() {
        assert_eq!(parse(Some(CREDENTIALS), Some(CONFIG), "nope").unwrap(), None);
        assert_eq!(parse(None, None, "default").unwrap(), None);
        let (which, _) = parse(Some("[unclosed\nkey = v\n"), None, "default").unwrap_err();
        assert_eq!(which, Which::Credentials);
    }

    #[test]
    fn debug_output_never_shows_keys() {
        let p = parse(Some(CREDENTIALS), None, "backup").unwrap().unwrap();
        let shown = format!("{p:?}");
        assert!(!shown.contains("AKBACKUP") && !shown.contains("ecret/+x"), "{shown}");
    }

    #[test]
    fn a_missing_named_profile_is_an_error_naming_both_files() {
        let dir = std::env::temp_dir().join(format!("tmcctl-profile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("credentials"), CREDENTIALS).unwrap();
        let sources =
            Sources { name: Some("nope".into()), credentials: dir.join("credentials"), config: dir.join("config") };
        let e = sources.load().unwrap_err();
        assert!(matches!(e, ProfileError::NotFound { .. }), "{e}");
        assert!(e.to_string().contains("\"nope\"") && e.to_string().contains("credentials"), "{e}");
        let default = Sources { name: None, ..sources };
        assert_eq!(default.load().unwrap().access_key_id.as_deref(), Some("AKDEFAULT"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

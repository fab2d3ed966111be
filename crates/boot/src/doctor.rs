//! `kassa doctor` and the window's "Test connection": checks the settings, the credentials,
//! the destination and the clock against the configured service, and says what is wrong.

use kassa_aiia::wire::{AcceptPaymentRequest, DecimalAmount, scheme_for};
use kassa_aiia::{AiiaError, AuthMode};
use kassa_money::Money;
use serde::Serialize;

use crate::error_words as words;
use crate::{Messages, Mode, Settings, connect};

/// Clocks further apart than this make webhook timestamps and link expiry unreliable.
const MAX_SKEW_SECS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// `settings`, `connection`, `credentials`, `destination` or `clock` (stable, for scripts).
    pub name: &'static str,
    /// The check's name in the language spoken.
    pub label: String,
    pub ok: bool,
    /// What was found, in the language spoken.
    pub detail: String,
}

fn check(m: &Messages, name: &'static str, ok: bool, detail: impl Into<String>) -> Check {
    Check {
        name,
        label: m.text(&format!("cli-doctor-{name}")),
        ok,
        detail: detail.into(),
    }
}

/// Runs every check, saying what it found in `m`'s language; later checks are skipped
/// when an earlier one fails. The destination check creates one payment request of the
/// smallest amount, which nobody is shown and which expires unpaid after a minute.
pub async fn doctor(settings: &Settings, now_unix: i64, m: &Messages) -> Vec<Check> {
    let mode = m.text(match settings.mode() {
        Mode::Sandbox => "cli-doctor-mode-sandbox",
        Mode::Live => "cli-doctor-mode-live",
    });
    // The settings go through the one validator first, as the form and the environment do.
    if let Err(errors) = settings.validate() {
        let said: Vec<String> = errors
            .iter()
            .map(|e| crate::error_words::field(m, e))
            .collect();
        return vec![check(
            m,
            "settings",
            false,
            m.get(
                "cli-doctor-settings-refused",
                &[("mode", mode.into()), ("errors", said.join("; ").into())],
            ),
        )];
    }
    let ttl_ignored =
        settings.against_aiia() && settings.link_ttl != std::time::Duration::from_secs(60);
    let uses = |url: Option<&str>| {
        let mut said = match url {
            Some(url) => m.get(
                "cli-doctor-uses-at",
                &[("mode", mode.clone().into()), ("url", url.into())],
            ),
            None => m.get("cli-doctor-uses", &[("mode", mode.clone().into())]),
        };
        if ttl_ignored {
            said.push(' ');
            said.push_str(&m.text("cli-doctor-ttl-ignored"));
        }
        said
    };
    let crate::Service {
        client,
        destination,
        sandbox: _sandbox,
        ..
    } = match connect(settings).await {
        Ok(c) => c,
        Err(e) => {
            return vec![
                check(m, "settings", true, uses(None)),
                check(m, "connection", false, words::boot(m, &e)),
            ];
        }
    };
    let mut checks = vec![check(m, "settings", true, uses(Some(client.base_url())))];

    let credentials = match settings.auth {
        AuthMode::Bearer => client
            .access_token()
            .await
            .map(|_| "cli-doctor-token-issued"),
        AuthMode::Basic => match client.payment_status("kassa-doctor-probe").await {
            Ok(_) | Err(AiiaError::NotFound(_)) => Ok("cli-doctor-credentials-accepted"),
            Err(e) => Err(e),
        },
    };
    match credentials {
        Ok(key) => checks.push(check(m, "credentials", true, m.text(key))),
        Err(e) => {
            checks.push(check(m, "credentials", false, words::aiia(m, &e)));
            return checks;
        }
    }

    let amount = Money::new(1, settings.currency);
    let probe = AcceptPaymentRequest {
        destination_id: destination.clone(),
        amount: DecimalAmount(amount),
        currency: settings.currency,
        scheme_id: scheme_for(settings.currency).to_owned(),
        reference: "KASSADOCTOR".into(),
        redirect_url: crate::redirect_url(settings, client.base_url()),
        preselected_country: None,
    };
    checks.push(match client.accept_payment(&probe).await {
        Ok(p) => check(
            m,
            "destination",
            true,
            m.get(
                "cli-doctor-destination-takes",
                &[
                    ("destination", destination.as_str().into()),
                    ("currency", settings.currency.code().into()),
                    ("payment", p.payment_id.as_str().into()),
                    ("amount", m.money(amount).into()),
                ],
            ),
        ),
        Err(e) => check(
            m,
            "destination",
            false,
            m.get(
                "cli-doctor-destination-failed",
                &[
                    ("destination", destination.as_str().into()),
                    ("error", words::aiia(m, &e).into()),
                ],
            ),
        ),
    });

    checks.push(match client.clock_skew_secs(now_unix).await {
        Ok(Some(skew)) if skew.abs() <= MAX_SKEW_SECS => check(
            m,
            "clock",
            true,
            m.get(
                "cli-doctor-clock-within",
                &[("secs", skew.abs().max(1).into())],
            ),
        ),
        Ok(Some(skew)) => check(
            m,
            "clock",
            false,
            m.get(
                if skew > 0 {
                    "cli-doctor-clock-behind"
                } else {
                    "cli-doctor-clock-ahead"
                },
                &[("secs", skew.abs().into())],
            ),
        ),
        Ok(None) => check(m, "clock", true, m.text("cli-doctor-clock-unknown")),
        Err(e) => check(m, "clock", false, words::aiia(m, &e)),
    });
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use kassa_aiia::Secret;

    /// A sandbox of its own, and settings for it as for a live service with `secret`.
    async fn on_a_sandbox(
        secret: &str,
    ) -> (kassa_sandbox::RunningSandbox, tempfile::TempDir, Settings) {
        let sandbox = kassa_sandbox::Sandbox::new(kassa_sandbox::SandboxConfig::default())
            .bind(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings::from_vars(|_| None, dir.path().join("k.db")).unwrap();
        settings.api_url = Some(sandbox.base_url().to_owned());
        settings.client_id = Some("sandbox-client".into());
        settings.custom_api = true;
        settings.client_secret = Some(Secret::new(secret));
        settings.destination_id = Some("sandbox-destination".into());
        (sandbox, dir, settings)
    }

    fn en() -> &'static Messages {
        Messages::of(crate::Lang::En)
    }

    fn now() -> i64 {
        kassa_till::Clock::now_ms(&kassa_till::SystemClock) / 1000
    }

    #[tokio::test]
    async fn the_built_in_sandbox_passes_every_check() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings::from_vars(|_| None, dir.path().join("k.db")).unwrap();
        let checks = doctor(&settings, now(), en()).await;
        let names: Vec<&str> = checks.iter().map(|c| c.name).collect();
        assert_eq!(names, ["settings", "credentials", "destination", "clock"]);
        assert!(checks.iter().all(|c| c.ok), "{checks:#?}");
    }

    #[tokio::test]
    async fn settings_the_validator_refuses_fail_the_settings_check_and_stop_there() {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings::from_vars(|_| None, dir.path().join("k.db")).unwrap();
        settings.client_id = Some("id with spaces".into());
        let checks = doctor(&settings, now(), en()).await;
        assert_eq!(checks.len(), 1, "{checks:#?}");
        let c = &checks[0];
        assert_eq!((c.name, c.ok), ("settings", false));
        // The same sentences as the form and the environment give for these values.
        let errors = settings.validate().unwrap_err();
        assert!(
            c.detail.ends_with(&kassa_config::sentences(&errors)),
            "{}",
            c.detail
        );
        assert!(c.detail.contains("cannot contain spaces"), "{}", c.detail);
        assert!(c.detail.contains("Enter the Client Secret"), "{}", c.detail);
    }

    #[tokio::test]
    async fn wrong_credentials_and_a_skewed_clock_are_named() {
        let (_sandbox, _dir, mut settings) = on_a_sandbox("wrong").await;
        let checks = doctor(&settings, now(), en()).await;
        let last = checks.last().unwrap();
        assert_eq!((last.name, last.ok), ("credentials", false), "{checks:#?}");
        assert!(
            last.detail.contains("refused the credentials"),
            "{}",
            last.detail
        );

        settings.client_secret = Some(Secret::new("sandbox-secret"));
        settings.destination_id = Some("nowhere".into());
        let checks = doctor(&settings, now() - 3600, en()).await;
        let dest = checks.iter().find(|c| c.name == "destination").unwrap();
        assert!(!dest.ok && dest.detail.contains("nowhere"), "{dest:?}");
        let clock = checks.iter().find(|c| c.name == "clock").unwrap();
        assert!(
            !clock.ok && clock.detail.contains("behind the service"),
            "{clock:?}"
        );
    }

    #[tokio::test]
    async fn the_checks_say_what_they_found_in_the_language_asked_for() {
        let (sandbox, dir, mut settings) = on_a_sandbox("sandbox-secret").await;
        let da = doctor(&settings, now() - 3600, Messages::of(crate::Lang::Da)).await;
        let labels: Vec<&str> = da.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["indstillinger", "adgang", "modtager", "ur"]);
        let names: Vec<&str> = da.iter().map(|c| c.name).collect();
        assert_eq!(names, ["settings", "credentials", "destination", "clock"]);
        assert!(
            da[0].detail.starts_with("Kassa bruger Aiia"),
            "{}",
            da[0].detail
        );
        assert!(
            da[2].detail.contains("tager imod betalinger i DKK") && da[2].detail.contains("0,01"),
            "{}",
            da[2].detail
        );
        let clock = &da[3];
        assert!(!clock.ok, "{clock:?}");
        assert!(
            clock.detail.starts_with("computerens ur er "),
            "{}",
            clock.detail
        );
        assert!(
            clock
                .detail
                .ends_with("s bagud i forhold til tjenestens: lad uret stille sig automatisk"),
            "{}",
            clock.detail
        );

        settings.client_secret = Some(Secret::new("wrong"));
        let fi = doctor(&settings, now(), Messages::of(crate::Lang::Fi)).await;
        let last = fi.last().unwrap();
        assert_eq!((last.name, last.ok), ("credentials", false), "{fi:#?}");
        assert!(
            last.detail.starts_with("maksupalvelu hylkäsi tunnukset"),
            "{}",
            last.detail
        );

        // Nothing listens there: the network failure is said in Swedish too.
        drop(sandbox);
        let mut settings = Settings::from_vars(|_| None, dir.path().join("k.db")).unwrap();
        settings.api_url = Some("http://127.0.0.1:9".into());
        settings.client_id = Some("sandbox-client".into());
        settings.custom_api = true;
        settings.client_secret = Some(Secret::new("sandbox-secret"));
        settings.destination_id = Some("sandbox-destination".into());
        let sv = doctor(&settings, now(), Messages::of(crate::Lang::Sv)).await;
        let failed = sv.iter().find(|c| !c.ok).unwrap();
        assert!(
            failed
                .detail
                .contains("kan inte nå betaltjänsten på http://127.0.0.1:9"),
            "{sv:#?}"
        );
    }
}

//! `kassa doctor` and the window's "Test connection": checks the settings, the credentials,
//! the destination and the clock against the configured service, and says what is wrong.

use kassa_aiia::wire::{AcceptPaymentRequest, DecimalAmount, scheme_for};
use kassa_aiia::{AiiaError, AuthMode};
use kassa_money::Money;
use serde::Serialize;

use crate::{Mode, Settings, connect};

/// Clocks further apart than this make webhook timestamps and link expiry unreliable.
const MAX_SKEW_SECS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub name: &'static str,
    pub ok: bool,
    pub detail: String,
}

fn check(name: &'static str, ok: bool, detail: impl Into<String>) -> Check {
    Check {
        name,
        ok,
        detail: detail.into(),
    }
}

/// Runs every check; later checks are skipped (and say so) when an earlier one fails.
/// The destination check creates one payment request of the smallest amount, which nobody
/// is shown and which expires unpaid after a minute.
pub async fn doctor(settings: &Settings, now_unix: i64) -> Vec<Check> {
    let mode = match settings.mode() {
        Mode::Sandbox => "the built-in sandbox (no credentials set)",
        Mode::Live => "Aiia with the merchant's credentials",
    };
    // The settings go through the one validator first, as the form and the environment do.
    if let Err(errors) = settings.validate() {
        return vec![check(
            "settings",
            false,
            format!(
                "Kassa would use {mode}, but: {}",
                kassa_config::sentences(&errors)
            ),
        )];
    }
    let mut checks = vec![check("settings", true, format!("Kassa uses {mode}"))];
    if settings.against_aiia() && settings.link_ttl != std::time::Duration::from_secs(60) {
        checks[0]
            .detail
            .push_str(" (a link lives 60 s at Aiia; the lifetime set is ignored)");
    }
    let crate::Service {
        client,
        destination,
        sandbox: _sandbox,
        ..
    } = match connect(settings).await {
        Ok(c) => c,
        Err(e) => {
            checks.push(check("connection", false, e.to_string()));
            return checks;
        }
    };
    checks[0]
        .detail
        .push_str(&format!(" at {}", client.base_url()));

    let credentials = match settings.auth {
        AuthMode::Bearer => client.access_token().await.map(|_| "a token was issued"),
        AuthMode::Basic => match client.payment_status("kassa-doctor-probe").await {
            Ok(_) | Err(AiiaError::NotFound(_)) => Ok("the Client ID and Secret were accepted"),
            Err(e) => Err(e),
        },
    };
    match credentials {
        Ok(detail) => checks.push(check("credentials", true, detail)),
        Err(e) => {
            checks.push(check("credentials", false, e.to_string()));
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
            "destination",
            true,
            format!(
                "destination {destination} takes {} payments (test request {} of {}, never shown, expires unpaid)",
                settings.currency,
                p.payment_id,
                amount.display()
            ),
        ),
        Err(e) => check("destination", false, format!("destination {destination}: {e}")),
    });

    checks.push(match client.clock_skew_secs(now_unix).await {
        Ok(Some(skew)) if skew.abs() <= MAX_SKEW_SECS => check(
            "clock",
            true,
            format!(
                "this computer's clock is within {} s of the service's",
                skew.abs().max(1)
            ),
        ),
        Ok(Some(skew)) => check(
            "clock",
            false,
            format!(
                "this computer's clock is {} s {} the service's: set the time automatically",
                skew.abs(),
                if skew > 0 { "behind" } else { "ahead of" }
            ),
        ),
        Ok(None) => check(
            "clock",
            true,
            "the service did not say its time; not compared",
        ),
        Err(e) => check("clock", false, e.to_string()),
    });
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use kassa_aiia::Secret;

    fn now() -> i64 {
        kassa_till::Clock::now_ms(&kassa_till::SystemClock) / 1000
    }

    #[tokio::test]
    async fn the_built_in_sandbox_passes_every_check() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings::from_vars(|_| None, dir.path().join("k.db")).unwrap();
        let checks = doctor(&settings, now()).await;
        let names: Vec<&str> = checks.iter().map(|c| c.name).collect();
        assert_eq!(names, ["settings", "credentials", "destination", "clock"]);
        assert!(checks.iter().all(|c| c.ok), "{checks:#?}");
    }

    #[tokio::test]
    async fn settings_the_validator_refuses_fail_the_settings_check_and_stop_there() {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings::from_vars(|_| None, dir.path().join("k.db")).unwrap();
        settings.client_id = Some("id with spaces".into());
        let checks = doctor(&settings, now()).await;
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
        let sandbox = kassa_sandbox::Sandbox::new(kassa_sandbox::SandboxConfig::default())
            .bind(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings::from_vars(|_| None, dir.path().join("k.db")).unwrap();
        settings.api_url = Some(sandbox.base_url().to_owned());
        settings.client_id = Some("sandbox-client".into());
        settings.custom_api = true;
        settings.client_secret = Some(Secret::new("wrong"));
        settings.destination_id = Some("sandbox-destination".into());
        let checks = doctor(&settings, now()).await;
        let last = checks.last().unwrap();
        assert_eq!((last.name, last.ok), ("credentials", false), "{checks:#?}");
        assert!(
            last.detail.contains("refused the credentials"),
            "{}",
            last.detail
        );

        settings.client_secret = Some(Secret::new("sandbox-secret"));
        settings.destination_id = Some("nowhere".into());
        let checks = doctor(&settings, now() - 3600).await;
        let dest = checks.iter().find(|c| c.name == "destination").unwrap();
        assert!(!dest.ok && dest.detail.contains("nowhere"), "{dest:?}");
        let clock = checks.iter().find(|c| c.name == "clock").unwrap();
        assert!(
            !clock.ok && clock.detail.contains("behind the service"),
            "{clock:?}"
        );
    }
}

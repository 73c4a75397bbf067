//! How many sign-ups each event's page refused, by reason (wrong event
//! code, CAPTCHA, username taken, the wiki's limit): counts only, never
//! who or what was typed.

use crate::signup::{Refusal, Slug};

use super::AccountRecords;

impl AccountRecords {
    /// Counts one refusal of `reason` at `event`. A count that cannot be
    /// written is logged and lost: the sign-up's own answer matters more.
    pub async fn count_refusal(&self, event: &Slug, reason: Refusal) {
        let sql = self.dialect.choose(
            "INSERT INTO refusals (event, reason, count) VALUES ($1, $2, 1) \
             ON CONFLICT (event, reason) DO UPDATE SET count = refusals.count + 1",
            "INSERT INTO refusals (event, reason, count) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE count = count + 1",
        );
        if let Err(e) = sqlx::query(&sql).bind(event.as_str()).bind(reason.as_str()).execute(&self.pool).await {
            tracing::warn!(error = %e, event = event.as_str(), reason = reason.as_str(), "a refusal was not counted");
        }
    }

    /// The refusals at `event`, each reason with its count (zero included).
    pub async fn refusals_of(&self, event: &Slug) -> Result<Vec<(Refusal, i64)>, sqlx::Error> {
        let sql = self.dialect.sql("SELECT reason, count FROM refusals WHERE event = $1");
        let rows: Vec<(String, i64)> = sqlx::query_as(&sql).bind(event.as_str()).fetch_all(&self.pool).await?;
        Ok(Refusal::ALL
            .iter()
            .map(|reason| {
                let count = rows.iter().find(|(r, _)| r == reason.as_str()).map_or(0, |(_, n)| *n);
                (*reason, count)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::DatabaseUrl;

    #[tokio::test]
    async fn refusals_are_counted_by_reason_and_event() {
        let path = std::env::temp_dir().join(format!("wikisignup-refusals-{}.db", std::process::id()));
        let url: DatabaseUrl = format!("sqlite://{}", path.display()).parse().unwrap();
        let records = AccountRecords::open(&url).await.unwrap();
        let (here, there): (Slug, Slug) = ("here".parse().unwrap(), "there".parse().unwrap());
        records.count_refusal(&here, Refusal::Captcha).await;
        records.count_refusal(&here, Refusal::Captcha).await;
        records.count_refusal(&here, Refusal::EventCode).await;
        records.count_refusal(&there, Refusal::WikiLimit).await;
        let counts = records.refusals_of(&here).await.unwrap();
        assert_eq!(
            counts,
            vec![
                (Refusal::EventCode, 1),
                (Refusal::Captcha, 2),
                (Refusal::UsernameTaken, 0),
                (Refusal::WikiLimit, 0),
                (Refusal::Other, 0)
            ]
        );
        let _ = std::fs::remove_file(path);
    }
}

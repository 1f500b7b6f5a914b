//! Refresh-token families on PostgreSQL (see [`crate::refresh`]): each operation is
//! one transaction; a rotation locks the presented token's row (`FOR UPDATE`), so
//! of two concurrent refreshes with one token the second sees the first's rotation.

use deadpool_postgres::GenericClient;

use super::connection::PgStore;
use super::errors::{from_pg, is_unique_violation};
use super::sql::{self, prepared};
use crate::refresh::{self, NewRefreshToken, Rotation, RotationRequest, TokenRow, Write};
use crate::{Result, StoreError, validate};

impl PgStore {
    pub(super) async fn insert_refresh_token(&self, token: &NewRefreshToken) -> Result<()> {
        validate::refresh_token(token)?;
        let client = self.client().await?;
        insert(&client, token).await
    }

    pub(super) async fn rotate_token(&self, request: RotationRequest<'_>) -> Result<Rotation> {
        validate::non_empty("token-hash", request.successor_hash)?;
        let mut client = self.client().await?;
        let tx = client.transaction().await.map_err(from_pg)?;
        let row = sql::query_opt(
            &tx,
            "SELECT user_id, family_id, expires_at, rotated_at \
                     FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE",
            &[&request.presented_hash],
        )
        .await?
        .map(|r| -> Result<TokenRow> {
            Ok(TokenRow {
                user_id: r.try_get(0).map_err(from_pg)?,
                family_id: r.try_get(1).map_err(from_pg)?,
                expires_at: r.try_get(2).map_err(from_pg)?,
                rotated_at: r.try_get(3).map_err(from_pg)?,
            })
        })
        .transpose()?;
        let (writes, rotation) = refresh::decide(row, &request);
        for write in writes {
            match write {
                Write::MarkRotated => {
                    sql::execute(
                        &tx,
                        "UPDATE refresh_tokens SET rotated_at = $2 WHERE token_hash = $1",
                        &[&request.presented_hash, &request.now],
                    )
                    .await?;
                }
                Write::Insert(successor) => insert(&tx, &successor).await?,
                Write::RevokeFamily(family_id) => {
                    sql::execute(
                        &tx,
                        "DELETE FROM refresh_tokens WHERE family_id = $1",
                        &[&family_id],
                    )
                    .await?;
                }
            }
        }
        // Housekeeping: tokens expired as of the request's time can never be used again.
        sql::execute(
            &tx,
            "DELETE FROM refresh_tokens WHERE expires_at <= $1",
            &[&request.now],
        )
        .await?;
        tx.commit().await.map_err(from_pg)?;
        Ok(rotation)
    }

    pub(super) async fn revoke_family(&self, token_hash: &str) -> Result<bool> {
        let deleted = sql::execute(
            &self.client().await?,
            "DELETE FROM refresh_tokens WHERE family_id = \
                     (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)",
            &[&token_hash],
        )
        .await?;
        Ok(deleted > 0)
    }
}

async fn insert(client: &impl GenericClient, token: &NewRefreshToken) -> Result<()> {
    match client
        .execute(
            &prepared(
                client,
                "INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .await?,
            &[
                &token.token_hash,
                &token.user_id,
                &token.family_id,
                &token.expires_at,
            ],
        )
        .await
    {
        Ok(_) => Ok(()),
        Err(e) if is_unique_violation(&e) => Err(StoreError::token_taken()),
        Err(e) => Err(from_pg(e)),
    }
}

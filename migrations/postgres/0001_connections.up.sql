-- Sellers' store connections (core/connection.hpp). Times are unix milliseconds; marketplaces,
-- settings and credential_fields are JSON text (kept as TEXT to match the SQLite schema).
CREATE TABLE connections (
    id BIGSERIAL PRIMARY KEY,
    seller_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    name TEXT NOT NULL,
    store_id TEXT NOT NULL,
    marketplaces TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'reauth_required', 'disconnected')),
    settings TEXT NOT NULL DEFAULT '{}',
    credential_fields TEXT NOT NULL DEFAULT '[]',
    credentials_key_id TEXT NOT NULL DEFAULT '',
    credentials_ciphertext TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A store can have only one live connection; disconnected ones are kept as history.
CREATE UNIQUE INDEX connections_live_store ON connections (platform, store_id)
    WHERE status <> 'disconnected';

CREATE INDEX connections_seller ON connections (seller_id);

// @shopify/admin-api-client (unmodified) pointed at one emulated store: its own customFetchApi
// option sends https://{shop}/admin/... to {sandbox}/shopify/{shop}/admin/....
import { createAdminApiClient } from '@shopify/admin-api-client';

export const API_VERSION = '2026-10';

export function sandboxFetch(base) {
  return (url, init) => fetch(String(url).replace(/^https:\/\//, `${base}/shopify/`), init);
}

export function adminClient(base, shop, accessToken, apiVersion = API_VERSION) {
  return createAdminApiClient({
    storeDomain: shop,
    apiVersion,
    accessToken,
    customFetchApi: sandboxFetch(base),
  });
}

// WooCommerce's official client (@woocommerce/woocommerce-rest-api, unmodified) against the
// WooCommerce emulator: the calls the connector makes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import wooRestApi from '@woocommerce/woocommerce-rest-api';

import { startSandbox } from '../support/sandbox.mjs';

const WooCommerceRestApi = wooRestApi.default ?? wooRestApi;

let sandbox;
let client;

before(async () => {
  sandbox = await startSandbox();
  const site = await sandbox.createStore({
    platform: 'woocommerce',
    site: 'conformance',
    consumer_key: 'ck_0123456789abcdef0123456789abcdef01234567',
    consumer_secret: 'cs_0123456789abcdef0123456789abcdef01234567',
    orders: 30,
    ssl: false,
  });
  // Over plain http the client signs with OAuth 1.0a, as against a real store without TLS.
  client = new WooCommerceRestApi({
    url: site.base_url,
    consumerKey: site.consumer_key,
    consumerSecret: site.consumer_secret,
    version: 'wc/v3',
  });
});

after(async () => {
  await sandbox?.stop();
});

test('pages orders with the paging headers the client reads', async () => {
  const first = await client.get('orders', { per_page: 10, page: 1 });
  assert.equal(first.status, 200);
  assert.equal(first.data.length, 10);
  assert.equal(first.headers['x-wp-total'], '30');
  assert.equal(first.headers['x-wp-totalpages'], '3');
});

// Array parameters as the official client and WordPress/PHP clients send them, WordPress's
// rest_invalid_param for bad items, and the paging Link built from the request's parameters.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import wooRestApi from '@woocommerce/woocommerce-rest-api';

import { startSandbox } from '../support/sandbox.mjs';

const WooCommerceRestApi = wooRestApi.default ?? wooRestApi;

let sandbox;
let client; // OAuth 1.0a over http: the client writes arrays as k[0]=a&k[1]=b
let keysSite; // an ssl site: consumer keys in the query, as over https

before(async () => {
  sandbox = await startSandbox();
  const site = await sandbox.createStore({
    platform: 'woocommerce',
    site: 'arrays',
    orders: 40,
    seed: 7,
    ssl: false,
  });
  client = new WooCommerceRestApi({
    url: site.base_url,
    consumerKey: site.consumer_key,
    consumerSecret: site.consumer_secret,
    version: 'wc/v3',
  });
  keysSite = await sandbox.createStore({
    platform: 'woocommerce',
    site: 'arrays-keys',
    orders: 40,
    seed: 7,
    ssl: true,
  });
});

after(async () => {
  await sandbox?.stop();
});

// GET {store}/wp-json/wc/v3/<path>?<query> on the ssl site with its keys in the query.
async function keysGet(path, query) {
  const auth = `consumer_key=${keysSite.consumer_key}&consumer_secret=${keysSite.consumer_secret}`;
  const response = await fetch(`${keysSite.base_url}/wp-json/wc/v3/${path}?${auth}&${query}`);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function allOrders(get) {
  const orders = [];
  for (let page = 1; ; page += 1) {
    const answer = await get(page);
    orders.push(...answer);
    if (answer.length < 100) {
      return orders;
    }
  }
}

test('status[0]=…&status[1]=… (the client\'s arrays) filters by both statuses', async () => {
  const every = await allOrders(async (page) => (await client.get('orders', { per_page: 100, page })).data);
  const wanted = ['completed', 'processing'];
  const expected = every.filter((order) => wanted.includes(order.status)).map((order) => order.id);
  assert.ok(expected.length > 0 && expected.length < every.length, 'the seed has both kinds');
  const answer = await client.get('orders', { status: wanted, per_page: 100 });
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.data.map((order) => order.id).sort(), expected.sort());
  assert.equal(answer.headers['x-wp-total'], String(expected.length));
});

test('include[0]=…&include[1]=… answers exactly those orders', async () => {
  const first = (await client.get('orders', { per_page: 5 })).data;
  const ids = [first[1].id, first[3].id];
  const answer = await client.get('orders', { include: ids });
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.data.map((order) => order.id).sort(), [...ids].sort());
  const without = await client.get('orders', { exclude: ids, per_page: 100 });
  assert.equal(without.data.length, 38);
  assert.ok(without.data.every((order) => !ids.includes(order.id)));
});

test('status[]=a&status[]=b and the comma list read like status[0]/status[1]', async () => {
  const indexed = await keysGet('orders', 'status[0]=completed&status[1]=processing&per_page=100');
  assert.equal(indexed.status, 200);
  const ids = indexed.body.map((order) => order.id).sort();
  const appended = await keysGet('orders', 'status[]=completed&status[]=processing&per_page=100');
  assert.equal(appended.status, 200);
  assert.deepEqual(appended.body.map((order) => order.id).sort(), ids);
  // wp_parse_list splits on commas and white space and drops empty items.
  const listed = await keysGet('orders', 'status=completed,%20processing,&per_page=100');
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.body.map((order) => order.id).sort(), ids);
  const encoded = await keysGet('orders', 'status%5B%5D=completed&status%5B%5D=processing&per_page=100');
  assert.deepEqual(encoded.body.map((order) => order.id).sort(), ids);
});

test('a bad item is WordPress\'s rest_invalid_param naming the item', async () => {
  const bad = await client.get('orders', { status: ['completed', 'bogus'] }).catch((error) => error.response);
  assert.equal(bad.status, 400);
  assert.equal(bad.data.code, 'rest_invalid_param');
  assert.equal(bad.data.message, 'Invalid parameter(s): status');
  assert.equal(bad.data.data.status, 400);
  assert.match(bad.data.data.params.status, /^status\[1\] is not one of any, /);
  assert.equal(bad.data.data.details.status.code, 'rest_not_in_enum');

  const notInt = await client.get('orders', { include: ['7', 'x'] }).catch((error) => error.response);
  assert.equal(notInt.status, 400);
  assert.equal(notInt.data.code, 'rest_invalid_param');
  assert.equal(notInt.data.data.params.include, 'include[1] is not of type integer.');

  // Named keys make a PHP array that is not a list: not of type array.
  const named = await client.get('orders', { status: { first: 'completed' } }).catch((error) => error.response);
  assert.equal(named.status, 400);
  assert.equal(named.data.code, 'rest_invalid_param');
  assert.equal(named.data.data.params.status, 'status is not of type array.');
  assert.equal(named.data.data.details.status.code, 'rest_invalid_type');
});

// The query part of a Link entry with this rel.
function linkQuery(header, rel) {
  const match = new RegExp(`<([^>]*)>; rel="${rel}"`).exec(header ?? '');
  assert.ok(match, `no rel="${rel}" in ${header}`);
  return match[1];
}

function keysOf(url) {
  return [...new URL(url).searchParams.keys()];
}

test('the Link header names each parameter once and keeps arrays', async () => {
  const answer = await client.get('orders', { status: ['completed', 'processing'], per_page: 2, page: 2 });
  assert.equal(answer.status, 200);
  for (const rel of ['prev', 'next']) {
    const url = linkQuery(answer.headers.link, rel);
    const keys = keysOf(url);
    assert.deepEqual(keys, [...new Set(keys)], `duplicated keys in ${url}`);
    assert.ok(url.includes('status%5B0%5D=completed&status%5B1%5D=processing'), url);
  }
  assert.equal(new URL(linkQuery(answer.headers.link, 'next')).searchParams.get('page'), '3');
  assert.equal(new URL(linkQuery(answer.headers.link, 'prev')).searchParams.get('page'), '1');
});

test('a repeated plain key appears once in the Link, with PHP\'s last value, and the link works', async () => {
  const first = await keysGet('orders', 'per_page=50&status[]=completed&status[]=processing&per_page=3&page=1&page=1');
  assert.equal(first.status, 200);
  assert.equal(first.body.length, 3);
  const next = linkQuery(first.headers.get('link'), 'next');
  const keys = keysOf(next);
  assert.deepEqual(keys, [...new Set(keys)], `duplicated keys in ${next}`);
  const params = new URL(next).searchParams;
  assert.equal(params.get('per_page'), '3');
  assert.equal(params.get('page'), '2');
  const second = await fetch(next);
  assert.equal(second.status, 200);
  const orders = await second.json();
  assert.equal(orders.length, 3);
  assert.equal(second.headers.get('x-wp-total'), first.headers.get('x-wp-total'));
  const seen = new Set(first.body.map((order) => order.id));
  assert.ok(orders.every((order) => !seen.has(order.id) && ['completed', 'processing'].includes(order.status)));
});

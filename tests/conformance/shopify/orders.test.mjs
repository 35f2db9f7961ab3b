// Shopify's official @shopify/admin-api-client (unmodified) against the Shopify emulator: the
// queries the connector makes, and the errors Shopify answers for documents it would refuse.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startSandbox } from '../support/sandbox.mjs';
import { adminClient } from './admin_client.mjs';

const SHOP = 'conformance.myshopify.com';
const TOKEN = 'shpat_conformance';

let sandbox;
let client;

before(async () => {
  sandbox = await startSandbox();
  await sandbox.createStore({ shop: SHOP, access_token: TOKEN, webhook_secret: 'whsec', orders: 12 });
  client = adminClient(sandbox.base, SHOP, TOKEN);
});

after(async () => {
  await sandbox?.stop();
});

const PAGE = `query Orders($after: String, $reverse: Boolean) {
  orders(first: 5, after: $after, reverse: $reverse, sortKey: UPDATED_AT) {
    nodes { id updatedAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function allOrders(reverse) {
  const ids = [];
  let cursor = null;
  for (;;) {
    const { data, errors } = await client.request(PAGE, { variables: { after: cursor, reverse } });
    assert.equal(errors, undefined, JSON.stringify(errors));
    ids.push(...data.orders.nodes.map((node) => node.id));
    if (!data.orders.pageInfo.hasNextPage) {
      return ids;
    }
    cursor = data.orders.pageInfo.endCursor;
  }
}

test('pages orders with cursors, forwards and with reverse: true', async () => {
  const forwards = await allOrders(false);
  assert.equal(forwards.length, 12);
  assert.equal(new Set(forwards).size, 12);
  const backwards = await allOrders(true);
  assert.deepEqual(backwards, [...forwards].reverse());
});

test('filters orders with created_at in the search query', async () => {
  const { data } = await client.request(
    '{ orders(first: 50) { nodes { id createdAt } } }');
  const times = data.orders.nodes.map((node) => node.createdAt).sort();
  const middle = times[6];
  const filtered = await client.request(
    'query Since($q: String) { orders(first: 50, query: $q) { nodes { createdAt } } }',
    { variables: { q: `created_at:>='${middle}'` } });
  assert.equal(filtered.errors, undefined, JSON.stringify(filtered.errors));
  const expected = times.filter((time) => time >= middle).length;
  assert.ok(expected < 12);
  assert.equal(filtered.data.orders.nodes.length, expected);
  assert.ok(filtered.data.orders.nodes.every((node) => node.createdAt >= middle));
});

test('named fragments and __typename', async () => {
  const { data, errors } = await client.request(`
    query WithFragment { orders(first: 2) { nodes { __typename ...OrderParts } } }
    fragment OrderParts on Order { id name lineItems(first: 1) { nodes { sku } } }`);
  assert.equal(errors, undefined, JSON.stringify(errors));
  assert.equal(data.orders.nodes.length, 2);
  for (const node of data.orders.nodes) {
    assert.equal(node.__typename, 'Order');
    assert.match(node.id, /^gid:\/\/shopify\/Order\/\d+$/);
    assert.equal(typeof node.name, 'string');
    assert.ok(Array.isArray(node.lineItems.nodes));
  }
  const root = await client.request('{ __typename shop { __typename name } }');
  assert.equal(root.data.__typename, 'QueryRoot');
  assert.equal(root.data.shop.__typename, 'Shop');
});

test('node(id:) and nodes(ids:) resolve orders', async () => {
  const { data } = await client.request('{ orders(first: 2) { nodes { id name } } }');
  const [first, second] = data.orders.nodes;
  const one = await client.request(
    'query One($id: ID!) { node(id: $id) { id ... on Order { name } } }',
    { variables: { id: first.id } });
  assert.equal(one.errors, undefined, JSON.stringify(one.errors));
  assert.deepEqual(one.data.node, first);
  const many = await client.request(
    'query Many($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Order { id name } } }',
    { variables: { ids: [first.id, second.id, 'gid://shopify/Order/1'] } });
  assert.equal(many.errors, undefined, JSON.stringify(many.errors));
  assert.deepEqual(many.data.nodes, [
    { __typename: 'Order', ...first },
    { __typename: 'Order', ...second },
    null,
  ]);
});

test('extensions.cost carries plain JSON numbers', async () => {
  const response = await client.fetch('{ shop { name } }');
  const text = await response.text();
  assert.doesNotMatch(text, /\d[eE][+-]?\d/, text);
  const { extensions } = JSON.parse(text);
  assert.equal(extensions.cost.throttleStatus.maximumAvailable, 2000);
  assert.equal(extensions.cost.throttleStatus.restoreRate, 100);
});

test('a throttled answer: THROTTLED with the cost and plain numbers', async () => {
  const shop = 'throttled.myshopify.com';
  await sandbox.createStore({
    shop, access_token: TOKEN, webhook_secret: 'whsec', orders: 50, bucket_size: 60, restore_rate: 1,
  });
  const tight = adminClient(sandbox.base, shop, TOKEN);
  const query = '{ orders(first: 50) { nodes { id } } }';
  await tight.request(query);
  const response = await tight.fetch(query);
  const text = await response.text();
  assert.doesNotMatch(text, /\d[eE][+-]?\d/, text);
  const body = JSON.parse(text);
  assert.equal(body.errors[0].extensions.code, 'THROTTLED');
  assert.equal(body.extensions.cost.requestedQueryCost, 52);
  assert.equal(body.extensions.cost.throttleStatus.maximumAvailable, 60);
  assert.equal(body.extensions.cost.throttleStatus.restoreRate, 1);
});

test('a misspelt field is refused as Shopify refuses it: undefinedField, no data', async () => {
  const response = await client.request('{ shop { name nonexistentField } }');
  assert.equal(response.data, undefined);
  const [error] = response.errors.graphQLErrors;
  assert.equal(error.message, "Field 'nonexistentField' doesn't exist on type 'Shop'");
  assert.equal(error.extensions.code, 'undefinedField');
  assert.deepEqual(error.path, ['query', 'shop', 'nonexistentField']);
  const nested = await client.request(
    '{ orders(first: 1) { nodes { shippingAddress { countryCode } } } }');
  assert.equal(nested.data, undefined);
  assert.equal(nested.errors.graphQLErrors[0].message,
    "Field 'countryCode' doesn't exist on type 'MailingAddress'");
});

test('an unknown argument is refused: argumentNotAccepted', async () => {
  const response = await client.request('{ orders(first: 1, bogusArg: 3) { nodes { id } } }');
  assert.equal(response.data, undefined);
  const [error] = response.errors.graphQLErrors;
  assert.equal(error.message, "Field 'orders' doesn't accept argument 'bogusArg'");
  assert.equal(error.extensions.code, 'argumentNotAccepted');
});

test('a missing required variable is reported', async () => {
  const response = await client.request('query One($id: ID!) { order(id: $id) { id } }');
  assert.equal(response.data, undefined);
  const [error] = response.errors.graphQLErrors;
  assert.equal(error.message, 'Variable $id of type ID! was provided invalid value');
  assert.equal(error.extensions.problems[0].explanation, 'Expected value to not be null');
});

test('an old API version is served as the oldest supported one, and says so', async () => {
  const response = await client.fetch('{ shop { name } }', { apiVersion: '2024-10' });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('x-shopify-api-version'), '2026-01');
  const current = await client.fetch('{ shop { name } }');
  assert.equal(current.headers.get('x-shopify-api-version'), '2026-10');
});

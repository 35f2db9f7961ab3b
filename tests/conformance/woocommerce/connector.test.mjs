// The rest of what the service's WooCommerce connector (src/connectors/woocommerce) calls, through
// the official client: the order cursor's query, single orders, status updates and notes,
// catalogue and variation paging, batch stock writes with per-item errors, webhooks, and the
// errors it must handle in WordPress's shape.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import wooRestApi from '@woocommerce/woocommerce-rest-api';

import { startSandbox } from '../support/sandbox.mjs';

const WooCommerceRestApi = wooRestApi.default ?? wooRestApi;

let sandbox;
let site;
let client;

function clientWith(secret) {
  return new WooCommerceRestApi({
    url: site.base_url,
    consumerKey: site.consumer_key,
    consumerSecret: secret,
    version: 'wc/v3',
  });
}

// The client rejects non-2xx answers; the answer either way.
async function settle(call) {
  try {
    return await call;
  } catch (error) {
    if (!error.response) {
      throw error;
    }
    return error.response;
  }
}

before(async () => {
  sandbox = await startSandbox();
  site = await sandbox.createStore({
    platform: 'woocommerce',
    site: 'connector',
    orders: 25,
    products: 12,
    seed: 11,
    ssl: false,
    allow_http_callback: true,
  });
  client = clientWith(site.consumer_secret);
});

after(async () => {
  await sandbox?.stop();
});

test('the order cursor query: modified_after, orderby=modified, order=asc, GMT dates, paging', async () => {
  const query = { orderby: 'modified', order: 'asc', dates_are_gmt: true, per_page: 10 };
  const first = await client.get('orders', { ...query, page: 1 });
  assert.equal(first.status, 200);
  assert.equal(first.headers['x-wp-total'], '25');
  assert.equal(first.headers['x-wp-totalpages'], '3');
  assert.match(first.headers.link, /rel="next"/);
  const all = [...first.data];
  for (let page = 2; page <= 3; page += 1) {
    all.push(...(await client.get('orders', { ...query, page })).data);
  }
  const stamps = all.map((order) => order.date_modified_gmt);
  assert.deepEqual(stamps, [...stamps].sort());
  // Whole seconds, exclusive: modified_after the fifth order's stamp leaves the later ones.
  const after = stamps[4];
  const later = await client.get('orders', { ...query, modified_after: after, per_page: 100 });
  assert.equal(later.status, 200);
  assert.ok(later.data.every((order) => order.date_modified_gmt > after));
  assert.equal(later.data.length, stamps.filter((stamp) => stamp > after).length);
});

test('a single order, and 404 woocommerce_rest_shop_order_invalid_id for an unknown one', async () => {
  const [listed] = (await client.get('orders', { per_page: 1 })).data;
  const one = await client.get(`orders/${listed.id}`);
  assert.equal(one.status, 200);
  assert.equal(one.data.id, listed.id);
  assert.ok(Array.isArray(one.data.line_items));
  const missing = await settle(client.get('orders/999999'));
  assert.equal(missing.status, 404);
  assert.equal(missing.data.code, 'woocommerce_rest_shop_order_invalid_id');
  assert.equal(missing.data.data.status, 404);
});

test('a wrong secret is 401 in WordPress\'s error shape', async () => {
  const denied = await settle(clientWith('cs_wrong').get('orders'));
  assert.equal(denied.status, 401);
  assert.equal(typeof denied.data.code, 'string');
  assert.equal(typeof denied.data.message, 'string');
  assert.equal(denied.data.data.status, 401);
});

test('a bad filter is 400 rest_invalid_param with data.params', async () => {
  const bad = await settle(client.get('orders', { orderby: 'nonsense', per_page: 500 }));
  assert.equal(bad.status, 400);
  assert.equal(bad.data.code, 'rest_invalid_param');
  assert.deepEqual(Object.keys(bad.data.data.params).sort(), ['orderby', 'per_page']);
  assert.equal(bad.data.data.params.per_page, 'per_page must be between 1 (inclusive) and 100 (inclusive)');
});

test('order updates: status and a customer note', async () => {
  const [order] = (await client.get('orders', { status: 'processing', per_page: 1 })).data;
  assert.ok(order, 'a processing order');
  const updated = await client.put(`orders/${order.id}`, { status: 'completed' });
  assert.equal(updated.status, 200);
  assert.equal(updated.data.status, 'completed');
  assert.equal((await client.get(`orders/${order.id}`)).data.status, 'completed');
  const note = await client.post(`orders/${order.id}/notes`, { note: 'Shipped', customer_note: true });
  assert.equal(note.status, 201);
  assert.equal(note.data.note, 'Shipped');
  assert.equal(note.data.customer_note, true);
  const notes = await client.get(`orders/${order.id}/notes`);
  assert.ok(notes.data.some((entry) => entry.id === note.data.id));
  const badStatus = await settle(client.put(`orders/${order.id}`, { status: 'shipped' }));
  assert.equal(badStatus.status, 400);
  assert.equal(badStatus.data.code, 'rest_invalid_param');
  assert.ok(badStatus.data.data.params.status);
});

test('products and variations page with the connector\'s orderby=id&order=asc', async () => {
  const query = { orderby: 'id', order: 'asc', per_page: 5 };
  const first = await client.get('products', { ...query, page: 1 });
  assert.equal(first.status, 200);
  const total = Number(first.headers['x-wp-total']);
  const pages = Number(first.headers['x-wp-totalpages']);
  assert.ok(total > 5);
  assert.equal(pages, Math.ceil(total / 5));
  const products = [...first.data];
  for (let page = 2; page <= pages; page += 1) {
    products.push(...(await client.get('products', { ...query, page })).data);
  }
  assert.equal(products.length, total);
  const ids = products.map((product) => product.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  const variable = products.find((product) => product.type === 'variable');
  assert.ok(variable, 'a variable product');
  const variations = await client.get(`products/${variable.id}/variations`, { per_page: 1, page: 1 });
  assert.equal(variations.status, 200);
  assert.equal(variations.headers['x-wp-total'], String(variable.variations.length));
  assert.equal(variations.data.length, 1);
});

test('batch stock updates, with per-item errors for unknown ids', async () => {
  const products = (await client.get('products', { type: 'simple', per_page: 2 })).data;
  assert.equal(products.length, 2);
  const answer = await client.post('products/batch', {
    update: [
      { id: products[0].id, manage_stock: true, stock_quantity: 17 },
      { id: 987654, manage_stock: true, stock_quantity: 1 },
      { id: products[1].id, manage_stock: true, stock_quantity: 3 },
    ],
  });
  assert.equal(answer.status, 200);
  const [first, missing, third] = answer.data.update;
  assert.equal(first.stock_quantity, 17);
  assert.equal(third.stock_quantity, 3);
  assert.equal(missing.id, 987654);
  assert.equal(typeof missing.error.code, 'string');
  assert.equal(missing.error.data.status, 400);
  assert.equal((await client.get(`products/${products[0].id}`)).data.stock_quantity, 17);

  const [variable] = (await client.get('products', { type: 'variable', per_page: 1 })).data;
  const variationId = variable.variations[0];
  const variations = await client.post(`products/${variable.id}/variations/batch`, {
    update: [{ id: variationId, manage_stock: true, stock_quantity: 9 }],
  });
  assert.equal(variations.status, 200);
  assert.equal(variations.data.update[0].stock_quantity, 9);
});

test('webhooks: create, list, update, delete', async () => {
  const created = await client.post('webhooks', {
    name: 'scs orders',
    topic: 'order.updated',
    delivery_url: 'http://127.0.0.1:9/hooks/woocommerce',
    secret: 'whsec',
  });
  assert.equal(created.status, 201);
  assert.equal(created.data.topic, 'order.updated');
  assert.equal(created.data.status, 'active');
  const listed = await client.get('webhooks', { per_page: 100 });
  assert.ok(listed.data.some((hook) => hook.id === created.data.id));
  const paused = await client.put(`webhooks/${created.data.id}`, { status: 'paused' });
  assert.equal(paused.data.status, 'paused');
  const removed = await client.delete(`webhooks/${created.data.id}`, { force: true });
  assert.equal(removed.status, 200);
  // WooCommerce's webhook controller answers a deleted id with 400 "ID is invalid.".
  const gone = await settle(client.get(`webhooks/${created.data.id}`));
  assert.equal(gone.status, 400);
  assert.equal(gone.data.code, 'woocommerce_rest_shop_webhook_invalid_id');
  assert.equal(gone.data.data.status, 400);
  const badTopic = await settle(client.post('webhooks', { topic: 'order.nonsense', delivery_url: 'http://127.0.0.1:9/h' }));
  assert.equal(badTopic.status, 400);
});

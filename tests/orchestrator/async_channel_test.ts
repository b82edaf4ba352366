/**
 * Tests for `src/orchestrator/async_channel.ts`: order, backpressure (a full channel
 * holds senders back), close (drain then done), cancel (pending and later calls reject),
 * abort signals, and a property test with random producers and consumers.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { AsyncChannel, ChannelClosedError } from "../../src/orchestrator/async_channel.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

Deno.test("values arrive in order and iteration ends at close", async () => {
  const channel = new AsyncChannel<number>(3);
  const producer = (async () => {
    for (let i = 0; i < 10; i++) await channel.send(i);
    channel.close();
  })();
  const received: number[] = [];
  for await (const value of channel) received.push(value);
  await producer;
  assert.deepEqual(received, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

Deno.test("a full channel holds the sender until a value is received", async () => {
  const channel = new AsyncChannel<string>(2);
  await channel.send("a");
  await channel.send("b");
  let third = false;
  const pending = channel.send("c").then(() => (third = true));
  await tick();
  assert.equal(third, false, "send waits while full");
  assert.equal(channel.size, 2);
  assert.deepEqual(await channel.receive(), { done: false, value: "a" });
  await pending;
  assert.equal(third, true);
  assert.equal(channel.size, 2, "never more than capacity buffered");
});

Deno.test("memory stays bounded: a fast producer never buffers more than capacity", async () => {
  const channel = new AsyncChannel<number>(4);
  let maxSize = 0;
  const producer = (async () => {
    for (let i = 0; i < 1000; i++) {
      await channel.send(i);
      maxSize = Math.max(maxSize, channel.size);
    }
    channel.close();
  })();
  let count = 0;
  for await (const _ of channel) {
    count++;
    if (count % 7 === 0) await tick();
  }
  await producer;
  assert.equal(count, 1000);
  assert.ok(maxSize <= 4, `max buffered ${maxSize}`);
});

Deno.test("close lets receivers drain, then reports done; send after close rejects", async () => {
  const channel = new AsyncChannel<number>(5);
  await channel.send(1);
  await channel.send(2);
  channel.close();
  await assert.rejects(channel.send(3), ChannelClosedError);
  assert.deepEqual(await channel.receive(), { done: false, value: 1 });
  assert.deepEqual(await channel.receive(), { done: false, value: 2 });
  assert.deepEqual(await channel.receive(), { done: true });
  const waiting = new AsyncChannel<number>(1);
  const receiver = waiting.receive();
  waiting.close();
  assert.deepEqual(await receiver, { done: true });
});

Deno.test("cancel rejects blocked senders and receivers and drops buffered values", async () => {
  const full = new AsyncChannel<number>(1);
  await full.send(1);
  const blockedSender = full.send(2);
  full.cancel(new Error("database gone"));
  await assert.rejects(blockedSender, /channel cancelled: database gone/);
  await assert.rejects(full.receive(), ChannelClosedError);
  const empty = new AsyncChannel<number>(1);
  const blockedReceiver = empty.receive();
  empty.cancel("stop");
  await assert.rejects(blockedReceiver, /channel cancelled: stop/);
});

Deno.test("an abort signal cancels the channel", async () => {
  const controller = new AbortController();
  const channel = new AsyncChannel<number>(1, controller.signal);
  const receiver = channel.receive();
  controller.abort(new Error("user pressed ctrl-c"));
  await assert.rejects(receiver, /user pressed ctrl-c/);
  const already = new AsyncChannel<number>(1, AbortSignal.abort("x"));
  await assert.rejects(already.send(1), ChannelClosedError);
});

Deno.test("capacity must be a positive integer", () => {
  assert.throws(() => new AsyncChannel(0), RangeError);
  assert.throws(() => new AsyncChannel(1.5), RangeError);
});

Deno.test("property: several producers and consumers deliver every value exactly once", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 1, max: 4 }),
      async (capacity, producerSizes, consumers) => {
        const channel = new AsyncChannel<string>(capacity);
        const producers = producerSizes.map(async (size, p) => {
          for (let i = 0; i < size; i++) {
            await channel.send(`${p}:${i}`);
            if (i % 3 === 0) await tick();
          }
        });
        const received: string[][] = Array.from({ length: consumers }, () => []);
        const consuming = received.map(async (bucket) => {
          for await (const value of channel) {
            bucket.push(value);
            assert.ok(channel.size <= capacity);
          }
        });
        await Promise.all(producers);
        channel.close();
        await Promise.all(consuming);
        const all = received.flat();
        const expected = producerSizes.flatMap((size, p) =>
          Array.from({ length: size }, (_, i) => `${p}:${i}`)
        );
        assert.deepEqual([...all].sort(), [...expected].sort());
        for (const bucket of received) {
          for (let p = 0; p < producerSizes.length; p++) {
            const order = bucket.filter((v) => v.startsWith(`${p}:`)).map((v) =>
              Number(v.split(":")[1])
            );
            assert.deepEqual(order, [...order].sort((a, b) => a - b), "per-producer order kept");
          }
        }
      },
    ),
    { numRuns: 60 },
  );
});

import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sqliteRequestQueue } from '../sqlite-request-queue.js';

/** A response is an event emitter that emits `finish` when it is done; that is all the queue reads. */
const response = () => Object.assign(new EventEmitter(), { destroyed: false }) as never as import('express').Response & EventEmitter;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('sqliteRequestQueue', () => {
  it('lets one request in at a time, in arrival order, and moves on when a response finishes or closes', async () => {
    const queue = sqliteRequestQueue();
    const started: number[] = [];
    const responses = [response(), response(), response()];
    responses.forEach((res, i) => queue({} as never, res, () => started.push(i)));
    await tick();
    expect(started).toEqual([0]);
    responses[0].emit('finish');
    await tick();
    expect(started).toEqual([0, 1]);
    responses[1].emit('close'); // the client went away
    await tick();
    expect(started).toEqual([0, 1, 2]);
    responses[2].emit('finish');
    responses[2].emit('close'); // both events: released once
    const last = response();
    queue({} as never, last, () => started.push(3));
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
  });
});

import type { NextFunction, Request, Response } from 'express';

/**
 * TypeORM's better-sqlite3 driver has one connection. Two requests whose transactions interleave
 * at an `await` would share it: the second BEGIN becomes a savepoint inside the first, and a
 * rollback of one takes the other's writes with it. SQLite has one writer anyway, so on SQLite the
 * server handles API requests one at a time, in arrival order. PostgreSQL (a pool of connections,
 * real concurrent transactions) needs none of this.
 */
export function sqliteRequestQueue() {
  let tail: Promise<void> = Promise.resolve();
  return (req: Request, res: Response, next: NextFunction) => {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = previous.then(() => done);
    let released = false;
    const finish = () => {
      if (!released) {
        released = true;
        release();
      }
    };
    res.once('finish', finish);
    res.once('close', finish);
    void previous.then(() => (res.destroyed ? finish() : next()));
  };
}

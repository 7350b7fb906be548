/**
 * Writes the store's rows: a file's row and its messages', and the summaries of a conversation
 * (days, speakers, persons, echo marks) recomputed from its rows. Statements are prepared once
 * per sync; message rows go in INSERT_BATCH at a time (one call per row costs double).
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { buildArchive } from '../../../shared/archive/build';
import type { ParsedFile } from '../../../shared/model';
import { featureBits, type CorpusRow } from '../search/corpus';

const INSERT_BATCH = 64;

/** Modification times are kept in whole milliseconds: tools that copy or restore files (and
 *  Date-based APIs) keep no finer precision, and a file touched that way is not a changed file. */
export interface StoredFile {
  id: number;
  path: string;
  size: number;
  mtime: number;
  hash: string;
  first_message: number;
  messages: number;
}

export class StoreWriter {
  private readonly insertFile: StatementSync;
  private readonly updateFile: StatementSync;
  private readonly touchFile: StatementSync;
  private readonly deleteFile: StatementSync;
  private readonly deleteMessages: StatementSync;
  private readonly insertMessage: StatementSync;
  private readonly insertMessages: StatementSync;
  private readonly setEcho: StatementSync;
  /** Message rows waiting to be inserted, INSERT_BATCH at a time (one call per row costs double). */
  private pending: (string | number)[] = [];
  private nextRow: number;

  constructor(
    private readonly db: DatabaseSync,
    /** Receives every message row written, when the caller builds the index as rows go in. */
    private readonly collect: ((row: CorpusRow) => void) | null,
  ) {
    this.insertFile = db.prepare(
      'INSERT INTO files (path, size, mtime, hash, kind, day, title, conversation, diagnostics, first_message, messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.updateFile = db.prepare(
      'UPDATE files SET size = ?, mtime = ?, hash = ?, kind = ?, day = ?, title = ?, conversation = ?, diagnostics = ?, first_message = ?, messages = ? WHERE id = ?',
    );
    this.touchFile = db.prepare('UPDATE files SET size = ?, mtime = ? WHERE id = ?');
    this.deleteFile = db.prepare('DELETE FROM files WHERE id = ?');
    this.deleteMessages = db.prepare('DELETE FROM messages WHERE id >= ? AND id < ?');
    this.insertMessage = db.prepare(
      'INSERT INTO messages (id, file, time, speaker, text, line, features) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertMessages = db.prepare(
      `INSERT INTO messages (id, file, time, speaker, text, line, features) VALUES ${Array.from({ length: INSERT_BATCH }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
    this.nextRow = Number(
      (
        db.prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM messages').get() as {
          next: number;
        }
      ).next,
    );
    this.setEcho = db.prepare('UPDATE messages SET echo_of = ? WHERE id = ?');
  }

  touch(id: number, size: number, mtime: number): void {
    this.touchFile.run(size, mtime, id);
  }

  /** Writes a file's row and its messages' rows (replacing the old ones); returns the message rows. */
  replaceFile(
    known: StoredFile | null,
    file: { path: string; size: number; mtime: number; hash: string; conversation: string },
    parsed: ParsedFile,
  ): number[] {
    // Messages of a file without a day cannot be placed in a conversation (buildArchive drops
    // them too); the file's diagnostic says why.
    const day = parsed.day;
    const messages = day === null ? [] : parsed.messages;
    const first = this.nextRow;
    const values = [
      file.size,
      file.mtime,
      file.hash,
      parsed.kind,
      day,
      parsed.title,
      file.conversation,
      JSON.stringify(parsed.diagnostics),
      first,
      messages.length,
    ] as const;
    let fileId: number;
    if (known === null) {
      fileId = Number(this.insertFile.run(file.path, ...values).lastInsertRowid);
    } else {
      this.deleteMessages.run(known.first_message, known.first_message + known.messages);
      this.updateFile.run(...values, known.id);
      fileId = known.id;
    }
    return messages.map((message) => {
      const row = this.nextRow++;
      const features = featureBits(message.text);
      this.pending.push(
        row,
        fileId,
        message.time,
        message.speaker,
        message.text,
        message.line,
        features,
      );
      if (this.pending.length === INSERT_BATCH * 7) this.flush();
      this.collect?.({
        row,
        conversation: file.conversation,
        day: day!,
        time: message.time,
        speaker: message.speaker,
        path: file.path,
        line: message.line,
        features,
        text: message.text,
      });
      return row;
    });
  }

  /** Inserts the message rows still waiting. */
  flush(): void {
    if (this.pending.length === INSERT_BATCH * 7) this.insertMessages.run(...this.pending);
    else
      for (let at = 0; at < this.pending.length; at += 7)
        this.insertMessage.run(...this.pending.slice(at, at + 7));
    this.pending = [];
  }

  removeFile(file: StoredFile): void {
    this.deleteMessages.run(file.first_message, file.first_message + file.messages);
    this.deleteFile.run(file.id);
  }

  /**
   * Recomputes a conversation's summaries and echo marks from its files: the ones just parsed
   * (`fresh`) and the others as stored.
   */
  summarize(
    conversation: string,
    fresh: ReadonlyMap<string, { parsed: ParsedFile; rows: number[] }>,
  ): void {
    this.flush();
    const db = this.db;
    const files = db
      .prepare(
        'SELECT path, kind, day, title, first_message, messages FROM files WHERE conversation = ? AND day IS NOT NULL',
      )
      .all(conversation) as unknown as {
      first_message: number;
      messages: number;
      path: string;
      kind: ParsedFile['kind'];
      day: string;
      title: string | null;
    }[];
    const readRows = db.prepare(
      'SELECT id, time, speaker, text, line, echo_of FROM messages WHERE id >= ? AND id < ? ORDER BY id',
    );
    const parsedFiles: ParsedFile[] = [];
    /** path -> line -> row id */
    const rowOf = new Map<string, Map<number, number>>();
    const echoOf = new Map<number, number | null>();
    for (const file of files) {
      const known = fresh.get(file.path);
      if (known) {
        parsedFiles.push(known.parsed);
        rowOf.set(
          file.path,
          new Map(
            known.parsed.messages.map((message, index) => [message.line, known.rows[index]!]),
          ),
        );
        continue;
      }
      const rows = readRows.all(
        file.first_message,
        file.first_message + file.messages,
      ) as unknown as {
        id: number;
        time: string;
        speaker: string;
        text: string;
        line: number;
        echo_of: number | null;
      }[];
      const lines = new Map<number, number>();
      rowOf.set(file.path, lines);
      for (const row of rows) {
        lines.set(row.line, row.id);
        if (row.echo_of !== null) echoOf.set(row.id, row.echo_of);
      }
      parsedFiles.push({
        path: file.path,
        kind: file.kind,
        day: file.day,
        title: file.title,
        messages: rows.map((row) => ({
          time: row.time,
          speaker: row.speaker,
          text: row.text,
          line: row.line,
        })),
        diagnostics: [],
      });
    }
    const archive = buildArchive(parsedFiles);
    const rowOfMessage = (index: number) => {
      const message = archive.messages[index]!;
      return rowOf.get(message.path)!.get(message.line)!;
    };
    archive.messages.forEach((message, index) => {
      const wanted = message.echoOf === undefined ? null : rowOfMessage(message.echoOf);
      const row = rowOfMessage(index);
      if ((echoOf.get(row) ?? null) !== wanted) this.setEcho.run(wanted, row);
    });

    for (const table of ['conversations', 'days', 'speakers', 'persons'] as const) {
      db.prepare(
        `DELETE FROM ${table} WHERE ${table === 'conversations' ? 'id' : 'conversation'} = ?`,
      ).run(conversation);
    }
    const summary = archive.conversations[0];
    if (!summary) return;
    db.prepare(
      'INSERT INTO conversations (id, title, messages, days, speakers, first, last) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      summary.id,
      summary.title,
      summary.messages,
      summary.days,
      summary.speakers,
      summary.first,
      summary.last,
    );
    const insertDay = db.prepare('INSERT INTO days (conversation, day, messages) VALUES (?, ?, ?)');
    for (const day of archive.days.get(summary.id) ?? [])
      insertDay.run(summary.id, day.day, day.messages);
    const insertSpeaker = db.prepare(
      'INSERT INTO speakers (conversation, name, messages, first, last, card, person) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const speaker of archive.speakers.get(summary.id) ?? []) {
      insertSpeaker.run(
        summary.id,
        speaker.name,
        speaker.messages,
        speaker.first,
        speaker.last,
        JSON.stringify(speaker.card),
        speaker.person,
      );
    }
    const insertPerson = db.prepare(
      'INSERT INTO persons (conversation, id, names, messages, evidence) VALUES (?, ?, ?, ?, ?)',
    );
    for (const person of archive.persons.get(summary.id) ?? []) {
      insertPerson.run(
        summary.id,
        person.id,
        JSON.stringify(person.names),
        person.messages,
        person.evidence,
      );
    }
  }
}

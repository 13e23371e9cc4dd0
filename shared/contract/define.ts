import { z } from 'zod';
import type { Role } from '../roles';

/** Who may call a channel: nobody logged in ('public'), any logged-in user ('any'), or listed roles. */
export type Access = 'public' | 'any' | readonly Role[];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  /** Chinese one-liner shown in the audit log and the self-documenting contract. */
  title: string;
  input: I;
  access: Access;
  /** 'write' channels run in a write transaction and are audited on success. */
  kind: 'read' | 'write';
  /** Phantom: the output type, carried only in the type system. */
  readonly output?: O;
}

/** Declares a channel: `channel<Output>()({ title, input, access, kind })`. */
export const channel =
  <O>() =>
  <I extends z.ZodType>(def: Omit<ChannelDef<I, O>, 'output'>): ChannelDef<I, O> =>
    def;

export const emptyInput = z.object({}).strict();

/** A file as it crosses the contract: its bytes in base64 and a suggested file name. */
export interface FileDownload {
  fileName: string;
  base64: string;
}
/** A printed document (PDF). */
export type PdfFile = FileDownload;

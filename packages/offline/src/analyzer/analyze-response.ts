/**
 * Decodes an `AnalyzeResponse` (the answer to Analyze and AnalyzeStack) into plain objects, reading only what
 * bulwark uses: the diagnostics and the policies that did not apply. A pack answers each of 10,000 resources, and
 * google-protobuf's `deserializeBinary` builds a message object, its field array and a wrapper per diagnostic.
 * The result is what that message's getters return (analyze-response.spec.ts checks them against each other):
 * fields in wire order, the last of a repeated scalar winning, unknown fields skipped, missing fields at their
 * defaults. A response whose text is not plain valid UTF-8 is given to google-protobuf itself, whose lenient
 * decoding of invalid sequences Node's does not share.
 */
import * as analyzerproto from '@pulumi/pulumi/proto/analyzer_pb';

/** One diagnostic, with the fields of `AnalyzeDiagnostic` that bulwark reads. */
export interface AnalyzeDiagnosticFields {
  readonly policyName: string;
  readonly policyPackName: string;
  readonly policyPackVersion: string;
  readonly description: string;
  readonly message: string;
  readonly enforcementLevel: analyzerproto.EnforcementLevel;
  readonly urn: string;
  readonly severity: analyzerproto.PolicySeverity;
}

/** A policy the pack said does not apply, and why. */
export interface PolicyNotApplicableFields {
  readonly policyName: string;
  readonly reason: string;
}

/** An AnalyzeResponse: its diagnostics and not-applicable policies, in the order the pack sent them. */
export interface AnalyzeResponseFields {
  readonly diagnostics: AnalyzeDiagnosticFields[];
  readonly notApplicable: PolicyNotApplicableFields[];
}

/** Thrown where google-protobuf would decode differently: the caller gives the bytes to it instead. */
class NotPlainUtf8 extends Error {}

/** A cursor over one message's bytes. */
class Reader {
  position: number;

  constructor(
    readonly bytes: Buffer,
    start: number,
    readonly end: number,
  ) {
    this.position = start;
  }

  /** A varint, as google-protobuf reads a tag, a length or an enum: its low 32 bits, signed. */
  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.position >= this.end) throw new Error('AnalyzeResponse: truncated varint');
      const byte = this.bytes[this.position++] as number;
      if (shift < 32) result |= (byte & 0x7f) << shift;
      if (byte < 0x80) return result;
      shift += 7;
      if (shift >= 70) throw new Error('AnalyzeResponse: varint longer than 10 bytes');
    }
  }

  /** The end of a length-delimited field whose length comes next. */
  delimited(): number {
    const length = this.varint() >>> 0;
    const end = this.position + length;
    if (end > this.end) throw new Error('AnalyzeResponse: field runs past the end of its message');
    return end;
  }

  string(): string {
    const end = this.delimited();
    const text = this.bytes.toString('utf8', this.position, end);
    if (text.includes('\ufffd')) throw new NotPlainUtf8();
    this.position = end;
    return text;
  }

  /** Skips a field of this wire type. */
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.position += 8;
    else if (wireType === 2) this.position = this.delimited();
    else if (wireType === 5) this.position += 4;
    // Groups (3, 4) are proto2 only: no pack built on the proto3 Analyzer protocol sends them.
    else throw new Error(`AnalyzeResponse: unsupported wire type ${wireType}`);
    if (this.position > this.end) throw new Error('AnalyzeResponse: field runs past the end of its message');
  }
}

function diagnosticOf(reader: Reader, end: number): AnalyzeDiagnosticFields {
  const fields = { policyName: '', policyPackName: '', policyPackVersion: '', description: '', message: '', enforcementLevel: 0, urn: '', severity: 0 };
  const message = new Reader(reader.bytes, reader.position, end);
  while (message.position < end) {
    const tag = message.varint();
    const field = tag >>> 3;
    const wireType = tag & 7;
    if (wireType === 2 && field >= 1 && field <= 8 && field !== 6 && field !== 7) {
      const text = message.string();
      if (field === 1) fields.policyName = text;
      else if (field === 2) fields.policyPackName = text;
      else if (field === 3) fields.policyPackVersion = text;
      else if (field === 4) fields.description = text;
      else if (field === 5) fields.message = text;
      else fields.urn = text;
    } else if (wireType === 0 && field === 7) {
      fields.enforcementLevel = message.varint();
    } else if (wireType === 0 && field === 9) {
      fields.severity = message.varint();
    } else {
      message.skip(wireType);
    }
  }
  return fields as AnalyzeDiagnosticFields;
}

function notApplicableOf(reader: Reader, end: number): PolicyNotApplicableFields {
  let policyName = '';
  let reason = '';
  const message = new Reader(reader.bytes, reader.position, end);
  while (message.position < end) {
    const tag = message.varint();
    const field = tag >>> 3;
    const wireType = tag & 7;
    if (wireType === 2 && field === 1) policyName = message.string();
    else if (wireType === 2 && field === 2) reason = message.string();
    else message.skip(wireType);
  }
  return { policyName, reason };
}

function decodePlain(bytes: Buffer): AnalyzeResponseFields {
  const diagnostics: AnalyzeDiagnosticFields[] = [];
  const notApplicable: PolicyNotApplicableFields[] = [];
  const reader = new Reader(bytes, 0, bytes.length);
  while (reader.position < bytes.length) {
    const tag = reader.varint();
    const field = tag >>> 3;
    const wireType = tag & 7;
    if (wireType === 2 && (field === 2 || field === 3)) {
      const end = reader.delimited();
      if (field === 2) diagnostics.push(diagnosticOf(reader, end));
      else notApplicable.push(notApplicableOf(reader, end));
      reader.position = end;
    } else {
      reader.skip(wireType);
    }
  }
  return { diagnostics, notApplicable };
}

/** The same fields, read through google-protobuf's own message class. */
export function responseFieldsOf(response: analyzerproto.AnalyzeResponse): AnalyzeResponseFields {
  return {
    diagnostics: response.getDiagnosticsList().map((diagnostic) => ({
      policyName: diagnostic.getPolicyname(),
      policyPackName: diagnostic.getPolicypackname(),
      policyPackVersion: diagnostic.getPolicypackversion(),
      description: diagnostic.getDescription(),
      message: diagnostic.getMessage(),
      enforcementLevel: diagnostic.getEnforcementlevel(),
      urn: diagnostic.getUrn(),
      severity: diagnostic.getSeverity(),
    })),
    notApplicable: response.getNotApplicableList().map((entry) => ({ policyName: entry.getPolicyName(), reason: entry.getReason() })),
  };
}

/** Decodes an AnalyzeResponse's bytes. */
export function decodeAnalyzeResponse(bytes: Buffer): AnalyzeResponseFields {
  try {
    return decodePlain(bytes);
  } catch (error) {
    if (!(error instanceof NotPlainUtf8)) throw error;
    return responseFieldsOf(analyzerproto.AnalyzeResponse.deserializeBinary(bytes));
  }
}

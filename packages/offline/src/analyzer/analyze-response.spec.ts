import fc from 'fast-check';
import * as analyzerproto from '@pulumi/pulumi/proto/analyzer_pb';
import { decodeAnalyzeResponse, responseFieldsOf } from './analyze-response';

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', minLength: 100, maxLength: 300 }),
  fc.constantFrom('', 'a\ud800b', '\udc00', 'replacement \ufffd character', 'urn:pulumi:dev::p::aws:s3/bucket:Bucket::site'),
);

/** Enum values as a pack may send them: the known ones, and any int32 (negative ones take ten bytes). */
const enumValue = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));

const diagnostic = fc
  .record({ policy: text, pack: text, version: text, description: text, message: text, level: enumValue, urn: text, severity: enumValue })
  .map((fields) => {
    const message = new analyzerproto.AnalyzeDiagnostic();
    message.setPolicyname(fields.policy);
    message.setPolicypackname(fields.pack);
    message.setPolicypackversion(fields.version);
    message.setDescription(fields.description);
    message.setMessage(fields.message);
    message.setEnforcementlevel(fields.level as analyzerproto.EnforcementLevel);
    message.setUrn(fields.urn);
    message.setSeverity(fields.severity as analyzerproto.PolicySeverity);
    return message;
  });

const notApplicable = fc.record({ policy: text, reason: text }).map((fields) => {
  const message = new analyzerproto.PolicyNotApplicable();
  message.setPolicyName(fields.policy);
  message.setReason(fields.reason);
  return message;
});

/** A field of a later protocol version, which a decoder must skip: a varint, fixed64, bytes or fixed32 field. */
const unknownField = fc
  .tuple(fc.integer({ min: 10, max: 2000 }), fc.constantFrom(0, 1, 2, 5), fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
  .map(([field, wireType, bytes, number]) => {
    const varint = (value: number) => {
      const out: number[] = [];
      while (value >= 0x80) {
        out.push((value & 0x7f) | 0x80);
        value >>>= 7;
      }
      out.push(value);
      return out;
    };
    const payload = wireType === 0 ? varint(number) : wireType === 1 ? [...bytes.slice(0, 8), 0, 0, 0, 0, 0, 0, 0, 0].slice(0, 8) : wireType === 5 ? [1, 2, 3, 4] : [...varint(bytes.length), ...bytes];
    return Buffer.from([...varint((field << 3) | wireType), ...payload]);
  });

describe('AnalyzeResponse decoding', () => {
  it("reads what google-protobuf's message reads, unknown fields skipped, in any order of fields", () => {
    fc.assert(
      fc.property(
        fc.array(diagnostic, { maxLength: 5 }),
        fc.array(notApplicable, { maxLength: 5 }),
        fc.array(unknownField, { maxLength: 3 }),
        (diagnostics, skipped, unknown) => {
          const response = new analyzerproto.AnalyzeResponse();
          response.setDiagnosticsList(diagnostics);
          response.setNotApplicableList(skipped);
          // Unknown fields at the start and between the known ones; the known ones interleaved in reverse order.
          const parts = [...response.getDiagnosticsList()].map((entry) => {
            const single = new analyzerproto.AnalyzeResponse();
            single.addDiagnostics(entry);
            return Buffer.from(single.serializeBinary());
          });
          const tail = new analyzerproto.AnalyzeResponse();
          tail.setNotApplicableList(skipped);
          const bytes = Buffer.concat([...unknown, Buffer.from(tail.serializeBinary()), ...parts.reverse()]);
          expect(decodeAnalyzeResponse(bytes)).toEqual(responseFieldsOf(analyzerproto.AnalyzeResponse.deserializeBinary(bytes)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads an empty response as no diagnostics and nothing skipped', () => {
    expect(decodeAnalyzeResponse(Buffer.alloc(0))).toEqual({ diagnostics: [], notApplicable: [] });
  });

  it('fails on a truncated response instead of reading part of it', () => {
    const response = new analyzerproto.AnalyzeResponse();
    const entry = new analyzerproto.AnalyzeDiagnostic();
    entry.setPolicyname('s3-bucket-versioning');
    entry.setMessage('versioning is not enabled');
    response.addDiagnostics(entry);
    const bytes = Buffer.from(response.serializeBinary());
    expect(() => decodeAnalyzeResponse(bytes.subarray(0, bytes.length - 3))).toThrow('AnalyzeResponse: field runs past the end of its message');
  });
});

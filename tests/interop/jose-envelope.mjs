// Seals and opens Cairn exchange envelopes with panva's `jose` (npm, pinned in package.json), an
// implementation of RFC 7515/7516/7518 that Cairn does not share code with. Driven by
// Cairn.Exchange.Tests (JoseInteroperabilityTests): one JSON request on standard input, the answer
// on standard output.
//
//   {"op":"seal", "signingKeyPem", "signingKeySpki", "recipientKeySpki", "issuer", "audience",
//    "messageId", "type", "iat", "exp", "payload"}             -> {"jwe", "signingKid", "recipientKid"}
//   {"op":"open", "encryptionKeyPem", "senderSigningKeySpki", "jwe"}
//                                                              -> {"header", "jwsHeader", "claims", "payload"}
//
// Keys are PKCS#8 PEM (private) or base64 DER SubjectPublicKeyInfo (public), as Cairn's node files
// and node cards hold them. Key ids are RFC 7638 thumbprints computed here, independently of Cairn.
import { CompactEncrypt, CompactSign, calculateJwkThumbprint, compactDecrypt, compactVerify, exportJWK, importPKCS8, importSPKI } from 'jose';

const spkiPem = (base64) => `-----BEGIN PUBLIC KEY-----\n${base64.match(/.{1,64}/g).join('\n')}\n-----END PUBLIC KEY-----\n`;
const thumbprint = async (base64Spki, alg) => calculateJwkThumbprint(await exportJWK(await importSPKI(spkiPem(base64Spki), alg, { extractable: true })));
const base64url = (bytes) => Buffer.from(bytes).toString('base64url');

async function seal(request) {
  const signingKid = await thumbprint(request.signingKeySpki, 'ES256');
  const recipientKid = await thumbprint(request.recipientKeySpki, 'ECDH-ES');
  const claims = {
    iss: request.issuer, aud: request.audience, jti: request.messageId, iat: request.iat, exp: request.exp,
    cairn_type: request.type, cairn_payload: base64url(Buffer.from(request.payload, 'base64')),
  };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: signingKid })
    .sign(await importPKCS8(request.signingKeyPem, 'ES256'));
  const jwe = await new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({
      alg: 'ECDH-ES', enc: 'A256GCM', kid: recipientKid, cty: 'JWT',
      iss: claims.iss, aud: claims.aud, jti: claims.jti, iat: claims.iat, exp: claims.exp, cairn_type: claims.cairn_type,
    })
    .encrypt(await importSPKI(spkiPem(request.recipientKeySpki), 'ECDH-ES'));
  return { jwe, signingKid, recipientKid };
}

async function open(request) {
  const { plaintext, protectedHeader } = await compactDecrypt(request.jwe, await importPKCS8(request.encryptionKeyPem, 'ECDH-ES'),
    { keyManagementAlgorithms: ['ECDH-ES'], contentEncryptionAlgorithms: ['A256GCM'] });
  const verified = await compactVerify(new TextDecoder().decode(plaintext), await importSPKI(spkiPem(request.senderSigningKeySpki), 'ES256'), { algorithms: ['ES256'] });
  const claims = JSON.parse(new TextDecoder().decode(verified.payload));
  return { header: protectedHeader, jwsHeader: verified.protectedHeader, claims, payload: Buffer.from(claims.cairn_payload, 'base64url').toString('base64') };
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const request = JSON.parse(input);
const answer = request.op === 'seal' ? await seal(request) : request.op === 'open' ? await open(request) : null;
if (answer === null) {
  console.error(`unknown op ${request.op}`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(answer));

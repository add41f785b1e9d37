#!/usr/bin/env python3
"""Writes the FramedRPC test vectors (proto-spec/vectors/*.hex). The Swift tests check every file."""
import struct, sys, os
# framing_pb2 must be importable: protoc --proto_path=proto-spec --python_out=DIR proto-spec/framing.proto
# then: PYTHONPATH=DIR python3 proto-spec/vectors/generate.py proto-spec/vectors
import framing_pb2 as f
from google.protobuf import text_format
out = sys.argv[1]
TYPES = {'HEADERS':1,'MESSAGE':2,'TRAILERS':3,'HALF_CLOSE':4,'CANCEL':5,'PING':6,'PONG':7,'GOAWAY':8}
def hexlines(b):
    return '\n'.join(' '.join('%02x' % x for x in b[i:i+16]) for i in range(0, len(b), 16)) if b else ''
def frame(name, desc, typ, flags, stream, msg=None, raw=None, server=None):
    payload = msg.SerializeToString() if msg is not None else (raw or b'')
    hdr = struct.pack('>IBBI', len(payload), TYPES[typ], flags, stream)
    lines = ['# ' + d for d in desc]
    lines.append('@frame %s flags=0x%02x stream=%d' % (typ, flags, stream))
    if msg is not None:
        lines.append('@payload %s %s' % (msg.DESCRIPTOR.full_name, text_format.MessageToString(msg, as_one_line=True)))
    else:
        lines.append('@payload-hex %s' % (raw.hex() if raw else ''))
    if server is not None:
        lines.append('@server ' + server)
    lines.append('# header: length=%d type=0x%02x flags=0x%02x stream_id=%d' % (len(payload), TYPES[typ], flags, stream))
    lines.append(hexlines(hdr))
    if payload:
        lines.append('# payload (%d bytes)' % len(payload))
        lines.append(hexlines(payload))
    open(os.path.join(out, name + '.hex'), 'w').write('\n'.join(lines) + '\n')
def raw(name, desc, directive, b):
    lines = ['# ' + d for d in desc] + [directive, hexlines(b)]
    open(os.path.join(out, name + '.hex'), 'w').write('\n'.join(lines) + '\n')

raw('preface-v1', ['Connection preface, version 1: ASCII "FRMRPC" then 00 01. Sent first by the client,',
    'then by the server once it has validated the client\'s.'], '@preface 1', b'FRMRPC\x00\x01')
raw('preface-v2', ['A preface announcing version 2: a version-1 server answers with its own preface',
    'and GOAWAY UNSUPPORTED_VERSION.'], '@preface 2', b'FRMRPC\x00\x02')
M = f.MetadataEntry
frame('headers-request-unary', ['Client opens stream 1 for /echo.v1.Echo/Get with metadata x-id: 7 and a',
    '1 s deadline (timeout_micros 1000000).'], 'HEADERS', 0, 1,
    f.RequestHeaders(path='/echo.v1.Echo/Get', metadata=[M(key='x-id', text='7')], timeout_micros=1000000))
frame('headers-request-binary-metadata', ['Client opens stream 3 for /echo.v1.Echo/Update: text metadata',
    'authorization, a binary entry trace-bin = 01 02 ff, a repeated key, no deadline.'], 'HEADERS', 0, 3,
    f.RequestHeaders(path='/echo.v1.Echo/Update', metadata=[M(key='authorization', text='Bearer abc'),
        M(key='trace-bin', binary=b'\x01\x02\xff'), M(key='x-tag', text='a'), M(key='x-tag', text='b')]))
frame('headers-request-end-stream', ['Client opens stream 5 with END_STREAM: it sends no request message',
    'at all (a client-streaming call with zero messages).'], 'HEADERS', 1, 5,
    f.RequestHeaders(path='/echo.v1.Echo/Collect'))
frame('message', ['A request or response message on stream 1: the protobuf bytes 0a 02 68 69',
    '(field 1 = "hi").'], 'MESSAGE', 0, 1, raw=bytes.fromhex('0a026869'))
frame('message-end-stream', ['The last request message of stream 1 (END_STREAM set): the client',
    'half-closes with it.'], 'MESSAGE', 1, 1, raw=bytes.fromhex('0a026869'))
frame('message-empty', ['An empty message (zero-length payload) on stream 7: a valid message whose',
    'fields are all defaults.'], 'MESSAGE', 0, 7, raw=b'')
frame('half-close', ['Client half-closes stream 3: no more request messages.'], 'HALF_CLOSE', 0, 3, raw=b'')
frame('cancel', ['Client cancels stream 9: the server cancels the handler and sends nothing more.'],
    'CANCEL', 0, 9, raw=b'')
frame('headers-response-empty', ['Server response headers for stream 1 with no metadata (empty payload).'],
    'HEADERS', 0, 1, f.ResponseHeaders())
frame('headers-response-metadata', ['Server response headers for stream 1 with metadata',
    'content-type: application/grpc and x-served-by: a.'], 'HEADERS', 0, 1,
    f.ResponseHeaders(metadata=[M(key='content-type', text='application/grpc'), M(key='x-served-by', text='a')]))
frame('trailers-ok', ['Server ends stream 1 with status OK (code 0), no message, no metadata: the',
    'payload is empty because every field has its default.'], 'TRAILERS', 0, 1, f.Trailers())
frame('trailers-unimplemented', ['Server ends stream 11 with UNIMPLEMENTED (12), a message, and one',
    'trailing metadata entry.'], 'TRAILERS', 0, 11,
    f.Trailers(code=12, message='Requested RPC is not implemented: /echo.v1.Echo/Nope', metadata=[M(key='x-why', text='no such method')]))
frame('trailers-resource-exhausted', ['Server refuses stream 201 because the connection already has its',
    'maximum number of concurrent streams: RESOURCE_EXHAUSTED (8).'], 'TRAILERS', 0, 201,
    f.Trailers(code=8, message='too many concurrent streams on this connection (limit 100)'))
frame('trailers-unavailable-shutdown', ['Server refuses stream 13 opened after its GOAWAY: UNAVAILABLE (14).'],
    'TRAILERS', 0, 13, f.Trailers(code=14, message='server is shutting down'))
frame('ping', ['Keepalive PING on stream 0 with 8 opaque bytes.'], 'PING', 0, 0, raw=bytes.fromhex('0001020304050607'))
frame('pong', ['PONG answering the PING above: the same 8 bytes.'], 'PONG', 0, 0, raw=bytes.fromhex('0001020304050607'))
frame('goaway-shutdown', ['Graceful GOAWAY: streams up to 7 finish, higher ones are refused.'], 'GOAWAY', 0, 0,
    f.GoAway(last_stream_id=7, reason=f.GO_AWAY_REASON_NO_ERROR, message='server is shutting down'))
frame('goaway-frame-too-large', ['GOAWAY sent before closing because a frame declared a payload larger than',
    'the max frame size.'], 'GOAWAY', 0, 0,
    f.GoAway(last_stream_id=1, reason=f.GO_AWAY_REASON_FRAME_TOO_LARGE, message='frame payload of 1073741824 bytes exceeds the limit of 4194304 bytes'))
frame('goaway-unsupported-version', ['GOAWAY sent after the server preface when the client announced version 2.'],
    'GOAWAY', 0, 0, f.GoAway(reason=f.GO_AWAY_REASON_UNSUPPORTED_VERSION, message='this server speaks FramedRPC version 1; the client sent version 2'))
raw('frame-too-large-header', ['A MESSAGE header on stream 1 declaring a 1 GiB payload (0x40000000). With the',
    'default max frame size (4 MiB) the receiver rejects it from these 10 bytes alone, before buffering.'],
    '@rejected frame-too-large', struct.pack('>IBBI', 1 << 30, 2, 0, 1))
body = b'This port speaks FramedRPC, not HTTP. A client must open with the 8-byte preface "FRMRPC" + version (see proto-spec/FRAMING.md).\n'
http = (b'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\nConnection: close\r\n\r\n' % len(body)) + body
raw('reply-to-http', ['Exactly what the server writes (then closes) when the first bytes it reads begin with an',
    'upper-case ASCII letter, e.g. "GET / HTTP/1.1": an HTTP/1.1 400 response in ASCII.'], '@reply-to-bad-preface http', http)
raw('reply-to-noise', ['Exactly what the server writes (then closes) when the first bytes are neither the magic nor',
    'start with an upper-case letter: one ASCII line.'], '@reply-to-bad-preface noise',
    b'FRMRPC error: bad connection preface; this port speaks FramedRPC (see proto-spec/FRAMING.md)\n')

# What a server does with malformed input (FRAMING.md section 6.2). Each file is one frame a
# client sends right after a valid preface; @server says how the server answers it:
# "refuses CODE" (TRAILERS with that status on the frame's stream, the connection stays open),
# "goaway REASON" (GOAWAY with that reason, then close) or "ignores" (nothing is written).
GET = '/echo.v1.Echo/Get'
frame('refused-timeout-max-uint64', ['timeout_micros = 2^64 - 1, far above the largest timeout (359999996400000000 us,',
    '99999999 hours): the server refuses the stream with INVALID_ARGUMENT (3).'], 'HEADERS', 0, 1,
    f.RequestHeaders(path=GET, timeout_micros=(1 << 64) - 1), server='refuses 3')
frame('refused-timeout-above-limit', ['timeout_micros = 359999996400000001, one above the largest timeout:',
    'INVALID_ARGUMENT (3).'], 'HEADERS', 0, 1,
    f.RequestHeaders(path=GET, timeout_micros=359999996400000001), server='refuses 3')
frame('refused-timeout-zero', ['timeout_micros = 0 (present): the deadline has already passed. The server refuses',
    'the stream with DEADLINE_EXCEEDED (4) without running a handler.'], 'HEADERS', 0, 1,
    f.RequestHeaders(path=GET, timeout_micros=0), server='refuses 4')
frame('refused-binary-under-text-key', ['A binary value under the text key authorization: INVALID_ARGUMENT (3).'],
    'HEADERS', 0, 1, f.RequestHeaders(path=GET, metadata=[M(key='authorization', binary=b'Bearer abc')]),
    server='refuses 3')
frame('refused-upper-case-key', ['An upper-case key ending in -BIN with a binary value: keys are lower-case,',
    'INVALID_ARGUMENT (3).'], 'HEADERS', 0, 1,
    f.RequestHeaders(path=GET, metadata=[M(key='X-Trace-BIN', binary=b'\x01\x02')]), server='refuses 3')
frame('refused-text-under-bin-key', ['A text value under the -bin key trace-bin: INVALID_ARGUMENT (3).'],
    'HEADERS', 0, 1, f.RequestHeaders(path=GET, metadata=[M(key='trace-bin', text='abc')]),
    server='refuses 3')
frame('refused-control-character-in-text', ['A line feed inside a text value (printable ASCII only):',
    'INVALID_ARGUMENT (3).'], 'HEADERS', 0, 1,
    f.RequestHeaders(path=GET, metadata=[M(key='x-note', text='a\nb')]), server='refuses 3')
frame('refused-stream-id-above-limit', ['HEADERS on stream 2147483649 (0x80000001), above 2^31 - 1: GOAWAY',
    'PROTOCOL_ERROR, then the server closes.'], 'HEADERS', 0, 0x80000001,
    f.RequestHeaders(path=GET), server='goaway GO_AWAY_REASON_PROTOCOL_ERROR')
frame('refused-stream-id-even', ['HEADERS on the even stream id 2: GOAWAY PROTOCOL_ERROR, close.'], 'HEADERS', 0, 2,
    f.RequestHeaders(path=GET), server='goaway GO_AWAY_REASON_PROTOCOL_ERROR')
frame('refused-headers-not-protobuf', ['A HEADERS payload that is not a RequestHeaders (a truncated field):',
    'GOAWAY PROTOCOL_ERROR, close.'], 'HEADERS', 0, 1, raw=bytes.fromhex('0aff'),
    server='goaway GO_AWAY_REASON_PROTOCOL_ERROR')
frame('refused-ping-short', ['A PING with 4 bytes instead of 8: GOAWAY PROTOCOL_ERROR, close.'], 'PING', 0, 0,
    raw=bytes.fromhex('00010203'), server='goaway GO_AWAY_REASON_PROTOCOL_ERROR')
frame('refused-goaway-on-stream', ['A GOAWAY from the client on stream 1 instead of 0: GOAWAY PROTOCOL_ERROR, close.'],
    'GOAWAY', 0, 1, f.GoAway(message='client leaving'), server='goaway GO_AWAY_REASON_PROTOCOL_ERROR')
frame('ignored-goaway-from-client', ['A well-formed GOAWAY from the client: it changes nothing on the server,',
    'which writes nothing and keeps serving the connection.'], 'GOAWAY', 0, 0,
    f.GoAway(reason=f.GO_AWAY_REASON_NO_ERROR, message='client shutting down'), server='ignores')
frame('ignored-cancel-with-payload', ['A CANCEL with a payload, for a stream never opened: the payload is not read',
    'and the frame is ignored.'], 'CANCEL', 0, 1, raw=b'because', server='ignores')
frame('ignored-second-half-close', ['A HALF_CLOSE for a stream that is not open (a second HALF_CLOSE looks the same',
    'to the server): ignored, and so is its payload.'], 'HALF_CLOSE', 0, 1, raw=b'\x00', server='ignores')

import assert from 'node:assert/strict';
import { goJSONObjectError } from '../../../../src/engine/objects/go-json';

// json.Unmarshal into map[string]interface{} (ValidateSecret's docker config check): texts from encoding/json
// scanner.go (SyntaxError contexts, quoteChar) and decode.go (UnmarshalTypeError), as in encoding/json
// scanner_test.go TestIndentErrors / decode_test.go syntax rows.
const cases: { input: string; want: string | null }[] = [
  { input: '{"auths":{"r":{"auth":"eA=="}}}', want: null },
  { input: 'null', want: null },
  { input: '', want: 'unexpected end of JSON input' },
  { input: '{"a":', want: 'unexpected end of JSON input' },
  { input: 'x', want: "invalid character 'x' looking for beginning of value" },
  { input: '{a:1}', want: "invalid character 'a' looking for beginning of object key string" },
  { input: '{"a" 1}', want: "invalid character '1' after object key" },
  { input: '{"a":1 "b":2}', want: `invalid character '"' after object key:value pair` },
  { input: '{"a":[1 2]}', want: "invalid character '2' after array element" },
  { input: '{"a":tru}', want: "invalid character '}' in literal true (expecting 'e')" },
  { input: '{"a":01}', want: "invalid character '1' after object key:value pair" },
  { input: '{"a":1.}', want: "invalid character '}' after decimal point in numeric literal" },
  { input: '{"a":"\\q"}', want: "invalid character 'q' in string escape code" },
  { input: '{} {}', want: "invalid character '{' after top-level value" },
  { input: '"s"', want: 'json: cannot unmarshal string into Go value of type map[string]interface {}' },
  { input: '1', want: 'json: cannot unmarshal number into Go value of type map[string]interface {}' },
];

describe('objects/go-json: json.Unmarshal into a map', () => {
  for (const c of cases) it(JSON.stringify(c.input), () => assert.equal(goJSONObjectError(c.input), c.want));
});

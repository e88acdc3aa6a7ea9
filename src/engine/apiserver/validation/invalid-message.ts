// How a 422 Invalid reaches the user. The server builds the Status with apierrors.NewInvalid
// (k8s.io/apimachinery pkg/api/errors/errors.go): one cause per field error, and a message made from the
// de-duplicated list. kubectl (k8s.io/kubectl pkg/cmd/util/helpers.go checkErr, MultilineError) prints
// `The <Kind> "<name>" is invalid: ` and then the causes: on the same line when there is one, else one
// `* <cause>` line each after a newline (the causes are not de-duplicated there).
import { errorString, type FieldError } from '../../k8s/field-error';

/** The line kubectl prints, without its final newline. */
export function invalidLine(kind: string, name: string, errs: FieldError[]): string {
  const head = `The ${kind} ${JSON.stringify(name)} is invalid: `;
  if (errs.length === 0) return `The ${kind} ${JSON.stringify(name)} is invalid`;
  if (errs.length === 1) return head + errorString(errs[0] as FieldError);
  return `${head}\n${errs.map((e) => `* ${errorString(e)}`).join('\n')}`;
}

/**
 * The Status message the server returns: `<Kind>[.<group>] "<name>" is invalid: <err>` for one distinct error, or
 * `[err1, err2]` for several (field.ErrorList.ToAggregate drops repeated texts).
 */
export function invalidStatusMessage(kind: string, group: string, name: string, errs: FieldError[]): string {
  const qualified = group ? `${kind}.${group}` : kind;
  const texts = [...new Set(errs.map(errorString))];
  if (texts.length === 0) return `${qualified} ${JSON.stringify(name)} is invalid`;
  const body = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return `${qualified} ${JSON.stringify(name)} is invalid: ${body}`;
}

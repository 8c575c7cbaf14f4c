import { parseStringPromise, processors } from 'xml2js';

/** A SOAP 1.1 request envelope with one operation element, children given as a plain object. */
export function soapEnvelope(namespace: string, element: string, input: Record<string, unknown>): string {
  const render = (v: unknown, name: string): string => {
    if (Array.isArray(v)) return v.map((x) => render(x, name)).join('');
    if (v && typeof v === 'object') return `<${name}>${Object.entries(v).map(([k, x]) => render(x, k)).join('')}</${name}>`;
    const text = String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<${name}>${text}</${name}>`;
  };
  const body = Object.entries(input).map(([k, v]) => render(v, k)).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="${namespace}">` +
    `<soapenv:Body><ns:${element}>${body}</ns:${element}></soapenv:Body></soapenv:Envelope>`
  );
}

/** The first element inside soap:Body, prefixes stripped. */
export async function soapBody(xml: string): Promise<Record<string, any>> {
  const doc = await parseStringPromise(xml, { explicitArray: false, tagNameProcessors: [processors.stripPrefix], ignoreAttrs: true });
  return doc.Envelope.Body;
}

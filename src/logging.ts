import winston from 'winston';
import { maskPersonalData, maskText } from './core/masking.js';

export type Logger = winston.Logger;

// Masks message text and every metadata field with the same function the journal uses.
const maskFormat = winston.format((info) => {
  if (typeof info.message === 'string') info.message = maskText(info.message);
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'message' || key === 'timestamp' || key === 'requestId') continue;
    info[key] = maskPersonalData(info[key]);
  }
  return info;
});

/** JSON lines on stdout; child loggers carry `requestId` on every line of a request. */
export function createLogger(level: string = 'info', options: { silent?: boolean; stream?: NodeJS.WritableStream } = {}): Logger {
  const transport = options.stream
    ? new winston.transports.Stream({ stream: options.stream })
    : new winston.transports.Console();
  return winston.createLogger({
    level,
    silent: options.silent,
    format: winston.format.combine(maskFormat(), winston.format.timestamp(), winston.format.json()),
    transports: [transport],
  });
}

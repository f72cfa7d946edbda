// @vscode/spdlog in plain JavaScript, copied over the module's index.js by the e2e set-up, which compiles
// nothing. VS Code writes its log files and output channels through it; lines are appended synchronously.
const fs = require('fs');
const path = require('path');

const LogLevel = { Trace: 0, Debug: 1, Info: 2, Warning: 3, Error: 4, Critical: 5, Off: 6 };
const NAMES = ['trace', 'debug', 'info', 'warning', 'error', 'critical'];
let globalLevel = LogLevel.Trace;

const pad = (n, w = 2) => String(n).padStart(w, '0');
function stamp(d = new Date()) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

class Logger {
  constructor(_type, _name, filename) {
    this.filename = filename;
    this.level = LogLevel.Trace;
    this.plain = false;
  }
  write(level, message) {
    if (!this.filename || level < this.level || level < globalLevel) return;
    fs.appendFileSync(this.filename, this.plain ? `${message}\n` : `${stamp()} [${NAMES[level]}] ${message}\n`);
  }
  trace(m) { this.write(LogLevel.Trace, m); }
  debug(m) { this.write(LogLevel.Debug, m); }
  info(m) { this.write(LogLevel.Info, m); }
  warn(m) { this.write(LogLevel.Warning, m); }
  error(m) { this.write(LogLevel.Error, m); }
  critical(m) { this.write(LogLevel.Critical, m); }
  getLevel() { return this.level; }
  setLevel(level) { this.level = level; }
  setPattern(pattern) { this.plain = pattern === '%v'; }
  clearFormatters() { this.plain = true; }
  flush() {}
  drop() { this.filename = undefined; }
}

async function createLogger(type, name, filename, size, count) {
  await fs.promises.mkdir(path.dirname(filename), { recursive: true });
  return new Logger(type, name, filename, size, count);
}

exports.version = 0;
exports.LogLevel = LogLevel;
exports.Logger = Logger;
exports.setLevel = (level) => { globalLevel = level; };
exports.setFlushOn = () => {};
exports.createRotatingLogger = (name, filename, size, count) => createLogger('rotating', name, filename, size, count);
exports.createAsyncRotatingLogger = (name, filename, size, count) => createLogger('rotating_async', name, filename, size, count);

// Served first in every page of the every-engine tests (server.mjs's `record`): keeps what a test
// must read or refuse in `window.__recorded`, since WebKit's driver cannot read the console.
// A classic script, so it runs before the page's modules.
(() => {
  const recorded = { errors: [], console: [], violations: [] };
  window.__recorded = recorded;
  const text = (value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
  addEventListener('error', (event) => recorded.errors.push(event.error ? text(event.error) : event.message));
  addEventListener('unhandledrejection', (event) => recorded.errors.push(`unhandled rejection: ${text(event.reason)}`));
  const error = console.error;
  console.error = (...args) => {
    recorded.console.push(args.map(text).join(' '));
    error.apply(console, args);
  };
  document.addEventListener('securitypolicyviolation', (event) =>
    recorded.violations.push(`${event.violatedDirective} blocked ${event.blockedURI}`));
})();

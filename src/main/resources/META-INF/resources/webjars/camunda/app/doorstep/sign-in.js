// Tasklist, Cockpit and Admin have a sign-in form of their own, which Doorstep closes: its one sign-in
// is /login. Whenever a webapp routes to that form (after its own "Log out", which ends Doorstep's
// session too, or when the session has expired) the browser goes to Doorstep's sign-in instead.
// Loaded by each webapp's scripts/config.js as a custom script.
const toDoorstepSignIn = () => {
  if (/^#!?\/login(\b|$)/.test(window.location.hash)) {
    window.location.replace('/login');
  }
};
window.addEventListener('hashchange', toDoorstepSignIn);
toDoorstepSignIn();

// Tests run like production: remix-serve installs these fetch globals too (DESIGN.md pitfalls).
import { installGlobals } from "@remix-run/node";

installGlobals();
process.env.NODE_ENV = "test";

/** The text of `winsock-conformance --help`. */
import { PROVIDER_NAMES } from '../harness/providers/registry.js';

export const USAGE = `winsock-conformance — runs the WSAConnect conformance cases against a Winsock provider

Usage:
  winsock-conformance run [--provider NAME] [--grep TEXT] [--tag TAG]... [--out DIR]
                          [--cases DIR] [--expectations DIR]
  winsock-conformance setup [--provider NAME]
  winsock-conformance --help

Commands:
  run     Run the cases in cases/ and write the reports. Prepares the provider first when needed.
  setup   Only prepare the provider (for wine: install wine64 with apt when root, fetch Windows Node
          and koffi's win32 part from the npm registry into the cache, create the Wine prefix).

Options:
  --provider NAME  ${PROVIDER_NAMES.join(' | ')} (default: native on Windows, wine elsewhere)
  --grep TEXT      only cases whose id or title contains TEXT (case-insensitive)
  --tag TAG        only cases with this tag; repeat for several (any of them)
  --out DIR        where reports go (default: reports/): junit.xml, report.html, results.jsonl, provider.log
  --cases DIR      run the cases in DIR instead of the suite's cases/
  --expectations DIR
                   read <provider>.yaml deviations from DIR instead of expectations/
  -h, --help       this text

Exit status: 0 when every verdict is PASS, KNOWN or SKIP; 1 otherwise; 2 for bad input or a provider that cannot run.

Environment:
  WINSOCK_CONFORMANCE_CACHE  cache folder of the wine provider (default: ~/.cache/winsock-conformance)

Examples:
  winsock-conformance run
  winsock-conformance run --tag udp --out /tmp/udp-report
  winsock-conformance run --grep nonblocking
`;

// The process's own metrics (CPU, memory, heap, handles, GC, event-loop delay), once per process. They describe the
// process, not a gateway in it, and prom-client's collectors never stop: each call of collectDefaultMetrics starts
// another event-loop delay monitor and another GC observer. A process that builds many gateways (the tests) would
// gather them. So they live in one registry of this module, made at the first scrape, beside each gateway's own.
import { Registry, collectDefaultMetrics } from 'prom-client';

let register: Registry | undefined;

export function procesRegister(): Registry {
  if (!register) {
    register = new Registry();
    // Event-loop delay sampled every 10 ms (prom-client's default): nodejs_eventloop_lag_seconds and its
    // min/max/mean/stddev/p50/p90/p99 since the previous scrape.
    collectDefaultMetrics({ register, eventLoopMonitoringPrecision: 10 });
  }
  return register;
}

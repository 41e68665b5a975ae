// jest setup of the cluster-e2e project: the e2e harness (test/helpers/e2e.ts) targets the topology.
process.env.E2E_TARGET = 'cluster';

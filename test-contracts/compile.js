// Compiles CairnTestContracts.sol with the pinned solcjs (node_modules/solc, 0.8.26) and prints
// the artifact JSON (abi + creation bytecode per contract) to stdout. The committed
// CairnTestContracts.json must equal this output; a test recompiles and compares.
// Usage: node test-contracts/compile.js > test-contracts/CairnTestContracts.json
const fs = require('fs');
const path = require('path');
const solc = require(path.join(__dirname, '..', 'node_modules', 'solc'));

const source = fs.readFileSync(path.join(__dirname, 'CairnTestContracts.sol'), 'utf8');
const input = {
  language: 'Solidity',
  sources: { 'CairnTestContracts.sol': { content: source } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'shanghai',
    metadata: { bytecodeHash: 'none' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  for (const e of errors) process.stderr.write(e.formattedMessage + '\n');
  process.exit(1);
}
const contracts = output.contracts['CairnTestContracts.sol'];
const artifact = { compiler: 'solc ' + solc.version(), contracts: {} };
for (const name of Object.keys(contracts).sort()) {
  artifact.contracts[name] = { abi: contracts[name].abi, bytecode: '0x' + contracts[name].evm.bytecode.object };
}
process.stdout.write(JSON.stringify(artifact, null, 2) + '\n');

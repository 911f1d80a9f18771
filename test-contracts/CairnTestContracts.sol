// SPDX-License-Identifier: MIT
// Test contracts for Cairn's Ethereum tests, deployed on a local Ganache node by the test
// fixture. Kept minimal on purpose: each one exists to make a real node emit one kind of
// value movement that Cairn must index (ERC-20 and ERC-721 Transfer logs, contract-internal
// ETH transfers, legacy bytes32 token metadata, a token without metadata).
pragma solidity 0.8.26;

/// Minimal ERC-20 (EIP-20): emits Transfer(address indexed, address indexed, uint256) with 3 topics.
contract CairnToken {
    string public name;
    string public symbol;
    uint8 public decimals;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_, string memory symbol_, uint8 decimals_, uint256 supply) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
        totalSupply = supply;
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        require(allowance[from][msg.sender] >= value, "allowance");
        allowance[from][msg.sender] -= value;
        _move(from, to, value);
        return true;
    }

    function _move(address from, address to, uint256 value) private {
        require(balanceOf[from] >= value, "balance");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}

/// A token whose symbol() returns bytes32, as early tokens (MKR, SAI) did before EIP-20 settled on string.
contract LegacyBytes32Token {
    bytes32 public constant symbol = "LEGACY";
    uint8 public constant decimals = 9;
    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor(uint256 supply) {
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        require(balanceOf[msg.sender] >= value, "balance");
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }
}

/// Minimal ERC-721 (EIP-721): Transfer(address indexed, address indexed, uint256 indexed) has 4 topics, no data.
contract CairnCollectible {
    mapping(uint256 => address) public ownerOf;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);

    function mint(address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == address(0), "minted");
        ownerOf[tokenId] = to;
        emit Transfer(address(0), to, tokenId);
    }

    function transferFrom(address from, address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == from && from == msg.sender, "owner");
        ownerOf[tokenId] = to;
        emit Transfer(from, to, tokenId);
    }
}

/// Forwards the ETH it receives to other accounts with internal CALLs: the pattern of mixers,
/// exchange deposit contracts and bridges that only a trace (not a log) reveals.
contract Forwarder {
    /// Sends msg.value split across recipients in the given amounts; reverts unless they add up.
    function split(address payable[] calldata recipients, uint256[] calldata amounts) external payable {
        require(recipients.length == amounts.length, "length");
        uint256 total;
        for (uint256 i = 0; i < recipients.length; i++) {
            total += amounts[i];
            (bool ok, ) = recipients[i].call{value: amounts[i]}("");
            require(ok, "send");
        }
        require(total == msg.value, "total");
    }

    /// Attempts a transfer to a contract that refuses ETH and swallows the failure: the failed
    /// inner CALL must not be indexed as a transfer.
    function tryRefused(address refuser) external payable {
        (bool ok, ) = refuser.call{value: msg.value}("");
        if (!ok) {
            (bool back, ) = payable(msg.sender).call{value: msg.value}("");
            require(back, "refund");
        }
    }
}

/// Rejects every ETH transfer.
contract Refuser {
    receive() external payable {
        revert("no");
    }
}

from reviews.tokens import hash_token, new_token


def test_new_tokens_carry_at_least_128_random_bits_and_differ():
    tokens = {new_token()[0] for _ in range(100)}
    assert len(tokens) == 100
    # token_urlsafe(32) encodes 32 bytes = 256 bits in 43 characters.
    assert all(len(t) >= 43 for t in tokens)


def test_the_stored_hash_is_the_sha256_of_the_token():
    token, digest = new_token()
    assert digest == hash_token(token)
    assert len(digest) == 64
    assert token not in digest

from reviews.responding.tokens import hash_token, new_token


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


def test_meeting_codes_use_eight_unambiguous_characters():
    from reviews.responding.tokens import MEETING_CODE_ALPHABET, new_meeting_code

    code = new_meeting_code()
    assert len(code) == 8
    assert set(code) <= set(MEETING_CODE_ALPHABET)
    assert not set("01OIL") & set(MEETING_CODE_ALPHABET)


def test_typed_meeting_codes_are_normalised():
    from reviews.responding.tokens import normalise_meeting_code

    assert normalise_meeting_code(" abcd-efgh ") == "ABCDEFGH"

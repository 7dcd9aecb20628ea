"""A password hasher that counts how often a password is checked (for the throttling test)."""

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    algorithm = "counting_md5"
    verifications = 0

    def verify(self, password, encoded):
        CountingHasher.verifications += 1
        return super().verify(password, encoded)

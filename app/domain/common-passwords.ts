/**
 * Passwords people pick most often (from public breach-frequency lists, only those 12+ characters long,
 * plus Latvian and Russian favourites), and the words they most often dress up with digits and symbols.
 * Compared lower-cased; see passwordProblem() in ./password.ts.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  "123456789012", "1234567890123", "12345678901234", "123456789123", "123123123123", "111111111111",
  "000000000000", "121212121212", "123456123456", "112233445566", "147258369147", "123qweasdzxc",
  "1q2w3e4r5t6y", "1qaz2wsx3edc", "qazwsxedcrfv", "zaq12wsxcde3", "qwertyuiop12", "qwertyuiop123",
  "qwertyuiopasdf", "asdfghjkl123", "zxcvbnm12345", "qwerty123456", "qwerty123456789", "1234qwerasdf",
  "qweasdzxc123", "password1234", "password12345", "password123456", "passwordpassword", "iloveyou1234",
  "iloveyouiloveyou", "letmein12345", "welcome12345", "administrator", "administrator1", "changeme1234",
  "trustno11234", "football1234", "baseball1234", "superman1234", "starwars1234", "sunshine1234",
  "princess1234", "dragon123456", "monkey123456", "shadow123456", "master123456", "michael12345",
  "liverpool123", "chocolate123", "butterfly123", "basketball12", "basketball123", "manchester12",
  "1234567890qwerty", "qwertyqwerty", "abcdefghijkl", "abcdefghijklmnop", "abc123abc123", "a1b2c3d4e5f6",
  "aaaaaaaaaaaa", "abcabcabcabc", "parole123456", "parole1234567", "paroleparole", "mana parole",
  "manaparole123", "parolēparole", "labdien12345", "latvija12345", "latvija1918", "riga12345678",
  "rīga12345678", "saule1234567", "mīlestība123", "milestiba123", "pароль123456", "пароль123456",
  "пароль1234567", "парольпароль", "йцукенгшщзхъ", "йцукен123456", "qwertyйцукен", "привет123456",
  "любовь123456", "москва123456", "ненавижу1234", "наташа123456", "tilts1234567", "tiltstilts12",
  "tilts-parole", "sosbernuciemati", "sos12345678", "correcthorsebatterystaple", "p@ssw0rd1234",
  "passw0rd1234", "pa55word1234", "q1w2e3r4t5y6", "1a2s3d4f5g6h", "987654321012", "098765432109",
  "asdasdasdasd", "qweqweqweqwe", "zxczxczxczxc", "11111111111111", "999999999999", "696969696969",
  "123321123321", "654321654321", "010101010101", "202020202020", "not-a-password", "mypassword123",
  "secretpassword", "supersecret123", "thisismypassword", "ilovemymom123", "ilovemyfamily",
];

/** Words that stay weak whatever digits or symbols are wrapped around them. */
export const COMMON_PASSWORD_WORDS: readonly string[] = [
  "password", "passwort", "parole", "parol", "пароль", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl",
  "zxcvbnm", "йцукен", "iloveyou", "letmein", "welcome", "admin", "administrator", "changeme", "secret",
  "monkey", "dragon", "football", "baseball", "superman", "sunshine", "princess", "shadow", "master",
  "abc", "abcdef", "test", "tester", "testing", "login", "user", "tilts", "latvija", "riga", "rīga",
  "labdien", "sveiki", "привет", "love", "mīlestība", "любовь", "qazwsx", "pass", "demo",
];

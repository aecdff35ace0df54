-- Local accounts of the web app (issue 14, docs/web.md "Users"): `pipeline users add NAME --role admin|region|chamber
-- [--chamber CODE]…`. The password is stored only as ASP.NET Core Identity's PasswordHasher hash (PBKDF2, salted);
-- an account without one (OpenID Connect only) cannot sign in with a password. chambers: the codes a chamber user
-- sees, separated by '|' ('' for admin and region, who see every chamber).
CREATE TABLE web_user (
    user_id        INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'region', 'chamber')),
    chambers       TEXT NOT NULL DEFAULT '',
    password_hash  TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

-- The user's astrophotography.sqlite as his Python scripts left it (reference-spec §13.1): created only
-- where missing, so an existing file keeps its tables and rows untouched. The defects are fixed in V2, V3.
CREATE TABLE IF NOT EXISTS camera (
    id integer PRIMARY KEY,
    name text NOT NULL,
    creation_date DATETIME DEFAULT CURRENT_TIMESTAMP,
    last_updated_date DATETIME DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX IF NOT EXISTS camera1 ON camera(name);

CREATE TABLE IF NOT EXISTS optic (
    id integer PRIMARY KEY,
    name text NOT NULL,
    focal_ratio text NOT NULL,
    creation_date DATETIME DEFAULT CURRENT_TIMESTAMP,
    last_updated_date DATETIME DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX IF NOT EXISTS optic1 ON optic(name, focal_ratio);

CREATE TABLE IF NOT EXISTS profile (
    id text PRIMARY KEY,
    name text NOT NULL,
    filter_names text NOT NULL,
    optic_id integer NOT NULL,
    camera_id integer NOT NULL,
    creation_date DATETIME DEFAULT CURRENT_TIMESTAMP,
    last_updated_date DATETIME DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX IF NOT EXISTS profile1 ON profile(optic_id, camera_id);
CREATE UNIQUE INDEX IF NOT EXISTS profile2 ON profile(name);

CREATE TABLE IF NOT EXISTS location (
    id integer PRIMARY KEY,
    name text,
    latitude text NOT NULL,
    longitude text NOT NULL,
    magnitude text,
    bortle integer,
    brightness_mcd_m2 text,
    artifical_brightness_ucd_m2 text,
    creation_date DATETIME DEFAULT CURRENT_TIMESTAMP,
    last_updated_date DATETIME DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX IF NOT EXISTS location1 ON location(latitude, longitude);

CREATE TABLE IF NOT EXISTS target (
    id integer PRIMARY KEY,
    name text NOT NULL,
    creation_date DATETIME DEFAULT CURRENT_TIMESTAMP,
    last_updated_date DATETIME DEFAULT CURRENT_TIMESTAMP,
    profile_id integer
);
CREATE UNIQUE INDEX IF NOT EXISTS target1 ON target(name);

CREATE TABLE IF NOT EXISTS filter (
    id integer PRIMARY KEY,
    name text NOT NULL,
    creation_date DATETIME DEFAULT CURRENT_TIMESTAMP,
    last_updated_date DATETIME DEFAULT CURRENT_TIMESTAMP,
    astrobin_id integer
);
CREATE UNIQUE INDEX IF NOT EXISTS filter1 ON filter(name);

CREATE TABLE IF NOT EXISTS accepted_data (
    id integer PRIMARY KEY,
    date text NOT NULL,
    panel_name text,
    shutter_time_seconds integer NOT NULL,
    accepted_count integer NOT NULL,
    camera_id integer NOT NULL,
    optic_id integer NOT NULL,
    location_id integer NOT NULL,
    target_id integer NOT NULL,
    filter_id integer NOT NULL,
    creation_date DATETIME DEFAULT CURRENT_TIMESTAMP,
    last_updated_date DATETIME DEFAULT CURRENT_TIMESTAMP,
    raw_directory text,
    FOREIGN KEY (camera_id) REFERENCES camera (id),
    FOREIGN KEY (optic_id) REFERENCES optic (id),
    FOREIGN KEY (target_id) REFERENCES target (id),
    FOREIGN KEY (filter_id) REFERENCES filter (id),
    FOREIGN KEY (location_id) REFERENCES location (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS accepted_data1 ON accepted_data(camera_id, optic_id, location_id, target_id,
    filter_id, date, panel_name, shutter_time_seconds, raw_directory);
CREATE UNIQUE INDEX IF NOT EXISTS accepted_data2 ON accepted_data(raw_directory);

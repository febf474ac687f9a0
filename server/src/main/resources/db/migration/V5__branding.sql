-- An organisation's brand on its pages: a display name, an accent colour (#rrggbb), a logo (an https URL, or an
-- uploaded image kept below in base64, PNG/SVG/WebP, at most 256 KB).
alter table organizations add column brand_display_name varchar(200);
alter table organizations add column brand_accent_color varchar(7);
alter table organizations add column brand_logo_url varchar(2048);
create table organization_logos (
    organization_id  uuid primary key references organizations (id) on delete cascade,
    content_type     varchar(40) not null,
    data_base64      text not null,
    sha256           char(64) not null,
    updated_at       timestamp with time zone not null
);

-- What the persona page shows beside the persona's name, when the operator set it.
alter table personas add column description varchar(500);
alter table personas add column avatar_url varchar(2048);

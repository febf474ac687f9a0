-- ShedLock's table: one row per scheduled job, held by the instance that runs it this period
create table shedlock (
    name varchar(64) not null primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);

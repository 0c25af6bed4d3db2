-- One row that every write locks first, so versions commit in the order of their seq: the change feed's cursor
-- (seq) can then never skip a version that commits late. Writes are rare; serialising them costs nothing.
create table write_order (
    id integer primary key
);
insert into write_order (id) values (1);

-- Issue 32 (lighter cases): the case brief (客户情况) lives on the case row, read when a form or Cockpit shows
-- it, instead of in a process variable that wrote three rows (ACT_RU_VARIABLE, ACT_HI_VARINST, ACT_HI_DETAIL)
-- per case and a detail row more at every refresh. Cases opened before this version keep their variable.
ALTER TABLE retention_case ADD brief VARCHAR(4000);

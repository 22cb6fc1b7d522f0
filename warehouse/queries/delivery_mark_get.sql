-- The mark of $recipient: the last event change their pending events were evaluated through, under criteria.
SELECT criteria, through FROM delivery_marks WHERE recipient = $recipient;
